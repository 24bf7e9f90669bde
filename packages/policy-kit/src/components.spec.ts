import type { PolicyResource } from '@pulumi/policy';
import { componentTree, isComponent, isUnder } from './components';

function policyResource(type: string, name: string, parent?: PolicyResource): PolicyResource {
  return { type, name, urn: `urn:pulumi:test::test::${type}::${name}`, props: {}, propertyDependencies: {}, parent } as unknown as PolicyResource;
}

describe('isComponent', () => {
  it('reads component packages as components and the providers\' own resources as custom', () => {
    expect(isComponent({ type: 'awsx:ec2:Vpc' })).toBe(true);
    expect(isComponent({ type: 'bulwark:core:SecureBucket' })).toBe(true);
    for (const type of ['aws:ec2/vpc:Vpc', 'pulumi:pulumi:Stack', 'pulumi:providers:aws', 'random:index/randomId:RandomId', 'docker-build:index:Image']) {
      expect(isComponent({ type })).toBe(false);
    }
  });
});

describe('componentTree', () => {
  const service = policyResource('awsx:ecs:FargateService', 'web');
  const taskDefinition = policyResource('awsx:ecs:FargateTaskDefinition', 'web', service);
  const taskRole = policyResource('aws:iam/role:Role', 'web-task', taskDefinition);
  const logGroup = policyResource('aws:cloudwatch/logGroup:LogGroup', 'web', taskDefinition);
  const executionRole = policyResource('aws:iam/role:Role', 'web-execution', taskDefinition);
  const ecsService = policyResource('aws:ecs/service:Service', 'web', service);
  const elsewhere = policyResource('aws:iam/role:Role', 'elsewhere');
  const tree = componentTree([service, taskDefinition, taskRole, logGroup, executionRole, ecsService, elsewhere]);

  it('finds the resources of the wanted types under a resource at any depth, in stack order, and nothing outside it', () => {
    expect(tree.descendantsOf(service.urn, ['aws:iam/role:Role'])).toEqual([taskRole, executionRole]);
    expect(tree.descendantsOf(service.urn, ['aws:cloudwatch/logGroup:LogGroup', 'aws:ecs/service:Service'])).toEqual([logGroup, ecsService]);
    expect(tree.descendantsOf(taskDefinition.urn, ['aws:ecs/service:Service'])).toEqual([]);
    expect(tree.descendantsOf(elsewhere.urn, ['aws:iam/role:Role'])).toEqual([]);
  });

  it('tells whether a resource sits under another, at any depth', () => {
    expect(isUnder(logGroup, service.urn)).toBe(true);
    expect(isUnder(logGroup, taskDefinition.urn)).toBe(true);
    expect(isUnder(ecsService, taskDefinition.urn)).toBe(false);
    expect(isUnder(service, service.urn)).toBe(false);
  });

  it('resolves URNs of the stack to its resources', () => {
    expect(tree.resourceOf(logGroup.urn)).toBe(logGroup);
    expect(tree.resourceOf('urn:pulumi:test::test::aws:s3/bucket:Bucket::absent')).toBeUndefined();
  });
});
