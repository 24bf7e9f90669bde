import type { PolicyResource } from '@pulumi/policy';
import { UNDECIDED, UNKNOWN } from '@bulwark/aws-model';
import { UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { StackGraph } from './stack-graph';

const BUCKET = 'aws:s3/bucket:Bucket';
const POLICY = 'aws:s3/bucketPolicy:BucketPolicy';
const ENCRYPTION_V1 = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';
const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const ENCRYPTION_V2 = 'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2';

/** A stack resource as the policy SDK hands it to a stack policy. */
function node(type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, PolicyResource[]> = {}, parent?: PolicyResource): PolicyResource {
  return { type, name, urn: `urn:pulumi:dev::test::${type}::${name}`, props, dependencies: Object.values(propertyDependencies).flat(), propertyDependencies, parent } as unknown as PolicyResource;
}

describe('StackGraph.companionsOf', () => {
  const logs = node(BUCKET, 'logs', { bucket: 'logs' });
  const data = node(BUCKET, 'data', { bucket: 'data', arn: 'arn:aws:s3:::data' });
  const byDependency = node(POLICY, 'logs-policy', { bucket: UNKNOWN }, { bucket: [logs] });
  const byName = node(POLICY, 'data-policy', { bucket: 'data' });
  const byArnSegment = node(POLICY, 'data-policy-2', { bucket: 'arn:aws:s3:::data' });
  const unlinked = node(POLICY, 'unlinked', { bucket: UNKNOWN });
  const laterV1 = node(ENCRYPTION_V1, 'data-sse', { bucket: 'data' });
  const earlierV2 = node(ENCRYPTION_V2, 'data-sse-v2', { bucket: 'data' });
  const graph = new StackGraph([logs, earlierV2, data, byDependency, byName, unlinked, byArnSegment, laterV1]);
  const companions = (bucket: PolicyResource, types: readonly string[]) => graph.companionsOf(bucket, types, 'bucket', [BUCKET], ['bucket', 'arn']);

  it('finds the sources that refer to each target (dependency, name, last ARN segment), as refersTo decides', () => {
    expect(companions(logs, [POLICY])).toEqual([byDependency]);
    expect(companions(data, [POLICY])).toEqual([byName, byArnSegment]);
    for (const bucket of [logs, data]) {
      const scanned = graph.ofType([POLICY]).filter((holder) => graph.refersTo(holder, 'bucket', [BUCKET], ['bucket', 'arn']).includes(bucket));
      expect(companions(bucket, [POLICY])).toEqual(scanned);
    }
  });

  it('lists companions in the order ofType lists the source types (type by type), so "the last one wins" is unchanged', () => {
    expect(companions(data, [ENCRYPTION_V1, ENCRYPTION_V2])).toEqual([laterV1, earlierV2]);
  });

  it('finds nothing for a target no source names, and keeps relations on other properties apart', () => {
    expect(companions(logs, [ENCRYPTION_V1])).toEqual([]);
    expect(graph.companionsOf(data, [POLICY], 'targetBucket', [BUCKET], ['bucket'])).toEqual([]);
  });
});

describe('StackGraph: per-stack facts computed once', () => {
  const key = node('aws:kms/key:Key', 'key', {});
  const other = node('aws:kms/key:Key', 'other', {});
  const graph = new StackGraph([key, other]);

  it('once computes a stack fact on first use only', () => {
    const fact = jest.fn((stack: StackGraph) => stack.resources.length);
    expect([graph.once(fact), graph.once(fact)]).toEqual([2, 2]);
    expect(fact).toHaveBeenCalledTimes(1);
    // An undefined fact (an account nothing tells) is remembered too.
    const nothing = jest.fn(() => undefined);
    graph.once(nothing);
    graph.once(nothing);
    expect(nothing).toHaveBeenCalledTimes(1);
  });

  it('onceFor computes a resource fact once per resource', () => {
    const fact = jest.fn((_stack: StackGraph, resource: PolicyResource) => resource.name);
    expect([graph.onceFor(key, fact), graph.onceFor(other, fact), graph.onceFor(key, fact)]).toEqual(['key', 'other', 'key']);
    expect(fact).toHaveBeenCalledTimes(2);
  });

  it('a fresh graph (another stack, or another rule) computes afresh', () => {
    const fact = jest.fn(() => 1);
    graph.once(fact);
    new StackGraph([key]).once(fact);
    expect(fact).toHaveBeenCalledTimes(2);
  });
});

describe('StackGraph.parsedPolicy', () => {
  const graph = new StackGraph([]);
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

  it('parses each text or object once, as parseForEvaluation does', () => {
    const text = JSON.stringify(document);
    expect(graph.parsedPolicy(text)).toBe(graph.parsedPolicy(text));
    expect(graph.parsedPolicy(document)).toBe(graph.parsedPolicy(document));
    expect(graph.parsedPolicy(text)).toEqual(graph.parsedPolicy(document));
    expect(graph.parsedPolicy(text)).toMatchObject({ kind: 'document', document: { statements: [{ effect: 'Allow' }] } });
  });

  it('reads unknown, undecided and absent documents as parseForEvaluation does', () => {
    expect(graph.parsedPolicy(UNKNOWN)).toEqual({ kind: 'unknown' });
    expect(graph.parsedPolicy(UNDECIDED)).toEqual({ kind: 'unknown' });
    expect(graph.parsedPolicy(undefined)).toEqual({ kind: 'absent' });
    expect(graph.parsedPolicy('not json').kind).toBe('invalid');
  });
});

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

describe('StackGraph.openReference and openCompanionsOf', () => {
  const taskDefinition = node('awsx:ecs:FargateTaskDefinition', 'web', {});
  const taskRole = node(ROLE, 'web-task', { arn: UNKNOWN_VALUE }, {}, taskDefinition);
  const executionRole = node(ROLE, 'web-execution', { arn: UNKNOWN_VALUE }, {}, taskDefinition);
  const otherRole = node(ROLE, 'other', { arn: UNKNOWN_VALUE });
  const throughComponent = node('aws:ec2/flowLog:FlowLog', 'component', { iamRoleArn: UNKNOWN_VALUE }, { iamRoleArn: [taskDefinition] });
  const withoutDependency = node('aws:ec2/flowLog:FlowLog', 'bare', { iamRoleArn: UNKNOWN_VALUE });
  const linked = node('aws:ec2/flowLog:FlowLog', 'linked', { iamRoleArn: UNKNOWN_VALUE }, { iamRoleArn: [otherRole] });
  const known = node('aws:ec2/flowLog:FlowLog', 'known', { iamRoleArn: 'arn:aws:iam::111122223333:role/elsewhere' });
  const openPolicy = node('aws:iam/rolePolicy:RolePolicy', 'open', { role: UNKNOWN_VALUE }, { role: [taskDefinition] });
  const graph = new StackGraph([taskDefinition, taskRole, executionRole, otherRole, throughComponent, withoutDependency, linked, known, openPolicy]);

  it('a dependency on a component holding several leaves the roles it holds as candidates, and says so', () => {
    const open = graph.openReference(throughComponent, 'iamRoleArn', [ROLE], 'role');
    expect(open?.candidates).toEqual([taskRole, executionRole]);
    expect(open?.reason).toBe('it depends on awsx:ecs:FargateTaskDefinition web, which holds several roles (web-task, web-execution), and is linked to no one role of the stack');
  });

  it('dependencies on two components holding one role each leave both roles as candidates, naming both components', () => {
    const api = node('awsx:ecs:FargateTaskDefinition', 'api', {});
    const worker = node('awsx:ecs:FargateTaskDefinition', 'worker', {});
    const apiRole = node(ROLE, 'api-task', { arn: UNKNOWN_VALUE }, {}, api);
    const workerRole = node(ROLE, 'worker-task', { arn: UNKNOWN_VALUE }, {}, worker);
    const flowLog = node('aws:ec2/flowLog:FlowLog', 'either', { iamRoleArn: UNKNOWN_VALUE }, { iamRoleArn: [api, worker] });
    const open = new StackGraph([api, worker, apiRole, workerRole, flowLog]).openReference(flowLog, 'iamRoleArn', [ROLE], 'role');
    expect(open?.candidates).toEqual([apiRole, workerRole]);
    expect(open?.reason).toBe(
      'it depends on awsx:ecs:FargateTaskDefinition api, awsx:ecs:FargateTaskDefinition worker, which together hold several roles (api-task, worker-task), and is linked to no one role of the stack',
    );
  });

  it('no dependency leaves every role of the stack a candidate', () => {
    expect(graph.openReference(withoutDependency, 'iamRoleArn', [ROLE], 'role')).toEqual({ candidates: [taskRole, executionRole, otherRole], reason: 'no dependency ties it to a role of the stack' });
  });

  it('a linked or known value is no open question (a known ARN outside the stack is a fact)', () => {
    expect(graph.openReference(linked, 'iamRoleArn', [ROLE], 'role')).toBeUndefined();
    expect(graph.openReference(known, 'iamRoleArn', [ROLE], 'role')).toBeUndefined();
  });

  it('openCompanionsOf lists a companion under each target its open reference may name, and under no other', () => {
    const companions = (role: PolicyResource) => graph.openCompanionsOf(role, ['aws:iam/rolePolicy:RolePolicy'], 'role', [ROLE]);
    expect([companions(taskRole), companions(executionRole), companions(otherRole)]).toEqual([[openPolicy], [openPolicy], []]);
  });
});
