import type { PolicyResource } from '@pulumi/policy';
import { componentTree } from './components';
import { dependencyTargets, dependencyTypes, identifiersOf, isUnlinkedUnknown, linkIndex, refersTo, reportUncovered } from './links';
import { UNKNOWN } from '@bulwark/aws-model';

const BUCKET = 'aws:s3/bucket:Bucket';
const COMPANION = 'aws:s3/bucketVersioning:BucketVersioning';
const IDENTIFIERS = ['bucket', 'id', 'arn'];

function policyResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependencies: Record<string, readonly PolicyResource[]> = {},
  parent?: PolicyResource,
): PolicyResource {
  const qualifiedType = parent ? `${parent.urn.split('::')[2]}$${type}` : type;
  return { type, name, urn: `urn:pulumi:test::test::${qualifiedType}::${name}`, props, propertyDependencies: dependencies, parent } as unknown as PolicyResource;
}

describe('linkIndex', () => {
  const logs = policyResource(BUCKET, 'logs', { bucket: 'logs-bucket', arn: 'arn:aws:s3:::logs-bucket' });
  const data = policyResource(BUCKET, 'data', { bucket: UNKNOWN });
  const twin = policyResource(BUCKET, 'twin', { bucket: 'logs-bucket' });
  const byDependency = policyResource(COMPANION, 'byDependency', { bucket: UNKNOWN }, { bucket: [data] });
  const byName = policyResource(COMPANION, 'byName', { bucket: 'logs-bucket' });
  const byArn = policyResource(COMPANION, 'byArn', { bucket: 'arn:aws:s3:::logs-bucket' });
  const unlinked = policyResource(COMPANION, 'unlinked', { bucket: UNKNOWN });
  const elsewhere = policyResource(COMPANION, 'elsewhere', { bucket: 'other-bucket' });
  const resources = [logs, byDependency, data, byName, twin, byArn, unlinked, elsewhere];
  const index = linkIndex(resources, [COMPANION], 'bucket', [BUCKET], IDENTIFIERS);

  it('links each pair exactly as refersTo does', () => {
    const components = componentTree(resources);
    for (const target of [logs, data, twin]) {
      const expected = [byDependency, byName, byArn, unlinked, elsewhere].filter((source) =>
        refersTo(source, 'bucket', target, identifiersOf(target, IDENTIFIERS), components),
      );
      expect(index.linkedTo(target).map((source) => source.name)).toEqual(expected.map((source) => source.name));
    }
    expect(index.linkedTo(logs).map((source) => source.name)).toEqual(['byName', 'byArn']);
    expect(index.linkedTo(data).map((source) => source.name)).toEqual(['byDependency']);
  });

  it('gives the targets of a source in stack order, and none for a source naming nothing in the stack', () => {
    expect(index.targetsOf(byName).map((target) => target.name)).toEqual(['logs', 'twin']);
    expect(index.targetsOf(elsewhere)).toEqual([]);
  });

  it('lists the sources whose property is unknown with no dependency as unlinked', () => {
    expect(index.unlinked.map((source) => source.name)).toEqual(['unlinked']);
  });
});

describe('reportUncovered', () => {
  const first = policyResource(BUCKET, 'first', {});
  const second = policyResource(BUCKET, 'second', {});
  const companion = policyResource(COMPANION, 'companion', { bucket: UNKNOWN });
  const uncovered = [
    { target: first, message: 'first is uncovered' },
    { target: second, message: 'second is uncovered' },
  ];

  it('reports each target on its URN when no source is unlinked', () => {
    const report = jest.fn();
    reportUncovered(report, uncovered, [], () => 'stack-wide');
    expect(report.mock.calls).toEqual([
      ['first is uncovered', first.urn],
      ['second is uncovered', second.urn],
    ]);
  });

  it('reports once for the stack only when there are more uncovered targets than unlinked sources', () => {
    const report = jest.fn();
    reportUncovered(report, uncovered, [companion], () => 'stack-wide');
    expect(report.mock.calls).toEqual([['stack-wide']]);
    report.mockClear();
    reportUncovered(report, uncovered.slice(0, 1), [companion], () => 'stack-wide');
    expect(report).not.toHaveBeenCalled();
  });

  it('reports each unlinked source undecided when it may cover every uncovered target', () => {
    const report = jest.fn();
    const undecided = jest.fn();
    const detail = (targets: readonly { target: PolicyResource }[]) => `it decides whether ${targets.map(({ target }) => target.name).join(', ')} are covered`;
    reportUncovered(report, uncovered.slice(0, 1), [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    expect(report).not.toHaveBeenCalled();
    expect(undecided.mock.calls).toEqual([['bucket', 'it decides whether first are covered', companion.urn]]);
    // The stack-wide violation is the verdict when some target is surely uncovered; nothing uncovered, nothing open.
    undecided.mockClear();
    reportUncovered(report, uncovered, [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    reportUncovered(report, [], [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    expect(undecided).not.toHaveBeenCalled();
  });
});

describe('dependencyTypes', () => {
  it('lists the types a property is computed from', () => {
    const key = policyResource('aws:kms/key:Key', 'key', {});
    const table = policyResource('aws:dynamodb/table:Table', 'table', {}, { serverSideEncryption: [key] });
    expect(dependencyTypes(table, 'serverSideEncryption')).toEqual(['aws:kms/key:Key']);
    expect(dependencyTypes(table, 'tags')).toEqual([]);
  });
});

describe('a dependency on a component', () => {
  const AWSX_VPC = 'awsx:ec2:Vpc';
  const VPC = 'aws:ec2/vpc:Vpc';
  const SUBNET = 'aws:ec2/subnet:Subnet';
  const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
  const VPC_IDENTIFIERS = ['id', 'arn'];
  /** A flow log whose vpcId came from `component`'s output (`vpc.vpcId`): unknown in a preview, or a known id. */
  const flowLogOn = (name: string, component: PolicyResource, vpcId: unknown = UNKNOWN) => policyResource(FLOW_LOG, name, { vpcId }, { vpcId: [component] });
  const linkedNames = (resources: readonly PolicyResource[], source: PolicyResource) =>
    linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS).targetsOf(source).map((target) => target.name);

  describe('holding one resource of the wanted type', () => {
    const component = policyResource(AWSX_VPC, 'shared', {});
    const vpc = policyResource(VPC, 'shared', { id: UNKNOWN }, {}, component);
    const subnets = [1, 2].map((zone) => policyResource(SUBNET, `shared-private-${zone}`, {}, { vpcId: [vpc] }, vpc));
    const flowLog = flowLogOn('shared', component);
    const resources = [component, vpc, ...subnets, flowLog];

    it('links to that resource, although the value is unknown, and does not count the source as unlinked', () => {
      const index = linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS);
      expect(index.linkedTo(vpc)).toEqual([flowLog]);
      expect(index.targetsOf(flowLog)).toEqual([vpc]);
      expect(index.unlinked).toEqual([]);
    });

    it('links in refersTo only given the stack\'s component tree (a pair alone does not say what the component holds)', () => {
      expect(refersTo(flowLog, 'vpcId', vpc, new Set(), componentTree(resources))).toBe(true);
      expect(refersTo(flowLog, 'vpcId', vpc, new Set())).toBe(false);
    });

    it('links through nested components, at any depth, and past custom parents on the way', () => {
      const outer = policyResource('bulwark:test:Network', 'outer', {});
      const inner = policyResource(AWSX_VPC, 'inner', {}, {}, outer);
      const nestedVpc = policyResource(VPC, 'inner', {}, {}, inner);
      const nestedSubnet = policyResource(SUBNET, 'inner-private-1', {}, {}, nestedVpc);
      const stack = [outer, inner, nestedVpc, nestedSubnet];
      const tree = componentTree(stack);
      expect(dependencyTargets(flowLogOn('outer', outer), 'vpcId', [VPC], tree)).toEqual({ targets: [nestedVpc], ambiguous: false, holders: [outer], held: [nestedVpc] });
      const acl = policyResource('aws:ec2/networkAcl:NetworkAcl', 'acl', { subnetIds: UNKNOWN }, { subnetIds: [outer] });
      expect(dependencyTargets(acl, 'subnetIds', [SUBNET], tree)).toEqual({ targets: [nestedSubnet], ambiguous: false, holders: [outer], held: [nestedSubnet] });
    });
  });

  describe('holding several resources of the wanted type', () => {
    const component = policyResource('acme:network:Pair', 'pair', {});
    const blue = policyResource(VPC, 'blue', { id: 'vpc-0blue' }, {}, component);
    const green = policyResource(VPC, 'green', { id: 'vpc-0green' }, {}, component);

    it('links none of them and, the value being unknown, counts the source as unlinked: the rule\'s unknown path decides', () => {
      const flowLog = flowLogOn('pair', component);
      const resources = [component, blue, green, flowLog];
      const index = linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS);
      expect(index.targetsOf(flowLog)).toEqual([]);
      expect(index.unlinked).toEqual([flowLog]);
      const dependencies = dependencyTargets(flowLog, 'vpcId', [VPC], componentTree(resources));
      expect(dependencies).toEqual({ targets: [], ambiguous: true, holders: [component], held: [blue, green] });
      expect(isUnlinkedUnknown(flowLog, 'vpcId', dependencies)).toBe(true);
      // Without what the dependencies resolve to, a source with a dependency is not unlinked (the old reading).
      expect(isUnlinkedUnknown(flowLog, 'vpcId')).toBe(false);
      for (const vpc of [blue, green]) expect(refersTo(flowLog, 'vpcId', vpc, identifiersOf(vpc, VPC_IDENTIFIERS), componentTree(resources))).toBe(false);
    });

    it('lets a known value decide, as with no dependency', () => {
      const flowLog = flowLogOn('pair', component, 'vpc-0green');
      const resources = [component, blue, green, flowLog];
      expect(linkedNames(resources, flowLog)).toEqual(['green']);
      expect(linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS).unlinked).toEqual([]);
    });

    it('gives way to a direct dependency on one of them (`vpc.vpc.id` depends on the component and on its VPC)', () => {
      const flowLog = policyResource(FLOW_LOG, 'green', { vpcId: UNKNOWN }, { vpcId: [component, green] });
      const resources = [component, blue, green, flowLog];
      expect(linkedNames(resources, flowLog)).toEqual(['green']);
      expect(linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS).unlinked).toEqual([]);
    });
  });

  it('links nothing when the component holds no resource of the wanted type, and the source stays linked to nothing', () => {
    // awsx.ec2.DefaultVpc looks the default VPC up and builds nothing: its vpcId names no VPC of the stack.
    const component = policyResource('awsx:ec2:DefaultVpc', 'default', {});
    const vpc = policyResource(VPC, 'other', { id: UNKNOWN });
    const flowLog = flowLogOn('default', component);
    const resources = [component, vpc, flowLog];
    expect(dependencyTargets(flowLog, 'vpcId', [VPC], componentTree(resources))).toEqual({ targets: [], ambiguous: false, holders: [], held: [] });
    expect(linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS).linkedTo(vpc)).toEqual([]);
    expect(linkIndex(resources, [FLOW_LOG], 'vpcId', [VPC], VPC_IDENTIFIERS).unlinked).toEqual([]);
  });

  it('does not read a component whose value came through a resource under it (`vpc.vpc.defaultSecurityGroupId`)', () => {
    const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
    const component = policyResource(AWSX_VPC, 'shared', {});
    const vpc = policyResource(VPC, 'shared', {}, {}, component);
    const endpointGroup = policyResource(SECURITY_GROUP, 'com.amazonaws.us-east-1.ssm-sg', {}, {}, component);
    const ingress = policyResource('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'https', { securityGroupId: UNKNOWN }, { securityGroupId: [component, vpc] });
    const tree = componentTree([component, vpc, endpointGroup, ingress]);
    expect(dependencyTargets(ingress, 'securityGroupId', [SECURITY_GROUP], tree)).toEqual({ targets: [], ambiguous: false, holders: [], held: [] });
    // the same rule on a plain component output would name the one group the component holds
    const onOutput = policyResource(ingress.type, 'on-output', { securityGroupId: UNKNOWN }, { securityGroupId: [component] });
    expect(dependencyTargets(onOutput, 'securityGroupId', [SECURITY_GROUP], tree)).toEqual({ targets: [endpointGroup], ambiguous: false, holders: [component], held: [endpointGroup] });
  });

  it('does not read a custom resource as a component: its outputs are its own, not its children\'s', () => {
    // awsx puts the subnets under the VPC, but an input from the VPC's outputs names the VPC, never a subnet.
    const vpc = policyResource(VPC, 'shared', {});
    const subnet = policyResource(SUBNET, 'shared-private-1', {}, {}, vpc);
    const endpoint = policyResource('aws:ec2/vpcEndpoint:VpcEndpoint', 's3', { subnetIds: UNKNOWN }, { subnetIds: [vpc] });
    expect(dependencyTargets(endpoint, 'subnetIds', [SUBNET], componentTree([vpc, subnet, endpoint]))).toEqual({ targets: [], ambiguous: false, holders: [], held: [] });
  });
});
