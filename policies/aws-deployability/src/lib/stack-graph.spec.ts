import type { PolicyResource } from '@pulumi/policy';
import { UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { StackGraph } from './stack-graph';

const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

/** A resource as the policy SDK gives it: dependencies and parent are the stack's own resource objects. */
function node(type: string, name: string, props: Record<string, unknown>, dependsOn: Record<string, PolicyResource[]> = {}, parent?: PolicyResource): PolicyResource {
  return { urn: `urn:pulumi:test::test::${type}::${name}`, type, name, props, propertyDependencies: dependsOn, parent } as unknown as PolicyResource;
}

describe('StackGraph.refersTo through a component', () => {
  // An awsx.ecs.FargateTaskDefinition holds a log group and two roles (task and execution).
  const taskDefinition = node('awsx:ecs:FargateTaskDefinition', 'web', {});
  const logGroup = node(LOG_GROUP, 'web', { arn: UNKNOWN_VALUE }, {}, taskDefinition);
  const taskRole = node(ROLE, 'web-task', { arn: UNKNOWN_VALUE }, {}, taskDefinition);
  const executionRole = node(ROLE, 'web-execution', { arn: UNKNOWN_VALUE }, {}, taskDefinition);
  const flowLog = node('aws:ec2/flowLog:FlowLog', 'main', { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE }, { logDestination: [taskDefinition], iamRoleArn: [taskDefinition] });
  const graph = new StackGraph([taskDefinition, logGroup, taskRole, executionRole, flowLog]);

  it('links a dependency on the component to the one resource of the wanted type it holds', () => {
    expect(graph.refersTo(flowLog, 'logDestination', [LOG_GROUP], ['arn'])).toEqual([logGroup]);
  });

  it('links none when the component holds several, rather than guess which one the value is', () => {
    expect(graph.refersTo(flowLog, 'iamRoleArn', [ROLE], ['arn'])).toEqual([]);
  });
});
