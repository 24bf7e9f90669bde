import * as aws from '@pulumi/aws';
import { runProgram } from '@bulwark/offline';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { vpcFlowLogs } from './vpc-flow-logs';

const VPC = 'aws:ec2/vpc:Vpc';
const DEFAULT_VPC = 'aws:ec2/defaultVpc:DefaultVpc';
const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';

/** A flow log as a first-time preview records it: `vpcId` unknown, linked to the VPC by its dependency. */
function flowLogOf(vpc: ReturnType<typeof resource>, trafficType: unknown, name?: string) {
  return resource(
    FLOW_LOG,
    { vpcId: UNKNOWN_VALUE, trafficType, logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE },
    { name, dependsOn: { vpcId: [vpc] } },
  );
}

describe('vpc-flow-logs', () => {
  it('Compliance: every VPC (including the default VPC) has an ALL flow log linked by dependency', async () => {
    const main = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'main' });
    const adopted = resource(DEFAULT_VPC, {}, { name: 'default' });
    const findings = await evaluate(vpcFlowLogs, [
      main,
      adopted,
      flowLogOf(main, 'ALL'),
      flowLogOf(main, 'REJECT'),
      flowLogOf(adopted, 'ALL'),
    ]);
    expect(findings).toEqual([]);
  });

  it('Compliance: a flow log naming the VPC by a known value (no dependency recorded)', async () => {
    // the CLI analyses the stack on resource outputs, where a VPC carries its `id`
    const imported = resource(VPC, { cidrBlock: '10.1.0.0/16', id: 'vpc-0abc' }, { name: 'imported' });
    const findings = await evaluate(vpcFlowLogs, [imported, resource(FLOW_LOG, { vpcId: 'vpc-0abc', trafficType: 'ALL' })]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a VPC with no flow log at all', async () => {
    const lonely = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'lonely' });
    const other = resource(VPC, { cidrBlock: '10.1.0.0/16' }, { name: 'logged' });
    const findings = await evaluate(vpcFlowLogs, [lonely, other, flowLogOf(other, 'ALL')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: lonely.urn });
    expect(findings[0].message).toContain('VPC "lonely" has no flow log');
    expect(findings[0].message).toContain('trafficType "ALL"');
  });

  it('Noncompliance 2: the only flow log captures REJECT traffic only', async () => {
    const main = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'main' });
    const findings = await evaluate(vpcFlowLogs, [main, flowLogOf(main, 'REJECT', 'rejects')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: main.urn });
    expect(findings[0].message).toContain('only flow logs that miss traffic ("rejects": trafficType "REJECT")');
  });

  it('Noncompliance 3: a flow log on a subnet of the VPC does not cover the VPC', async () => {
    const main = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'main' });
    const subnet = resource('aws:ec2/subnet:Subnet', { vpcId: UNKNOWN_VALUE, cidrBlock: '10.0.1.0/24' }, { dependsOn: { vpcId: [main] } });
    const subnetLog = resource(FLOW_LOG, { subnetId: UNKNOWN_VALUE, trafficType: 'ALL' }, { dependsOn: { subnetId: [subnet] } });
    const findings = await evaluate(vpcFlowLogs, [main, subnet, subnetLog]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: main.urn });
  });

  it('Preview: unknown trafficType on a linked flow log and an unlinked unknown vpcId are undecided, and blame no single VPC', async () => {
    const main = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'main' });
    const unknownTraffic = flowLogOf(main, UNKNOWN_VALUE);
    const traffic = await evaluate(vpcFlowLogs, [main, unknownTraffic]);
    expect(mandatory(traffic)).toEqual([]);
    expect(undecided(traffic).map((finding) => [finding.urn, finding.property])).toEqual([[unknownTraffic.urn, 'trafficType']]);

    // a flow log whose vpcId is unknown and tied to nothing could be this VPC's: no per-VPC finding, but it is open
    const unlinked = resource(FLOW_LOG, { vpcId: UNKNOWN_VALUE, trafficType: 'ALL' }, { name: 'mystery' });
    const open = await evaluate(vpcFlowLogs, [main, unlinked]);
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([[unlinked.urn, 'vpcId']]);

    // ...but two uncovered VPCs cannot both be covered by one such flow log: one stack-wide finding
    const second = resource(VPC, { cidrBlock: '10.1.0.0/16' }, { name: 'second' });
    const findings = await evaluate(vpcFlowLogs, [main, second, unlinked]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: undefined });
    expect(findings[0].message).toContain('2 VPCs ("main", "second") have no flow log');
    expect(findings[0].message).toContain('"mystery"');
  });

  describe('a flow log on an output of a component holding the VPC (awsx.ec2.Vpc\'s vpc.vpcId)', () => {
    // As a preview records `new aws.ec2.FlowLog(..., { vpcId: vpc.vpcId })`: the component's output is unknown and its
    // dependency names the component (awsx:ec2:Vpc), not the aws:ec2/vpc:Vpc the component built under it.
    const AWSX_VPC = 'awsx:ec2:Vpc';
    function awsxVpc(name: string) {
      const component = resource(AWSX_VPC, {}, { name });
      const vpc = resource(VPC, { cidrBlock: '10.50.0.0/16' }, { name, parent: component });
      const subnet = resource('aws:ec2/subnet:Subnet', { vpcId: UNKNOWN_VALUE, cidrBlock: '10.50.0.0/24' }, { name: `${name}-private-1`, parent: vpc, dependsOn: { vpcId: [vpc] } });
      return { component, vpc, children: [vpc, subnet] };
    }
    const flowLogOnOutput = (component: ReturnType<typeof resource>, trafficType: unknown, name: string) =>
      resource(FLOW_LOG, { vpcId: UNKNOWN_VALUE, trafficType }, { name, dependsOn: { vpcId: [component] } });

    it('Compliance: an ALL flow log on the component\'s vpcId covers the VPC the component holds', async () => {
      const shared = awsxVpc('shared');
      const findings = await evaluate(vpcFlowLogs, [shared.component, ...shared.children, flowLogOnOutput(shared.component, 'ALL', 'shared')]);
      expect(findings).toEqual([]);
    });

    it('Noncompliance: a REJECT-only flow log on the component\'s vpcId is the VPC\'s only flow log, and another VPC stays uncovered', async () => {
      const shared = awsxVpc('shared');
      const rejects = flowLogOnOutput(shared.component, 'REJECT', 'rejects');
      const findings = await evaluate(vpcFlowLogs, [shared.component, ...shared.children, rejects]);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: shared.vpc.urn });
      expect(findings[0].message).toContain('only flow logs that miss traffic ("rejects": trafficType "REJECT")');

      // The link is to the component's VPC only: a VPC elsewhere in the stack is blamed by name.
      const covered = awsxVpc('covered');
      const lonely = resource(VPC, { cidrBlock: '10.1.0.0/16' }, { name: 'lonely' });
      const other = await evaluate(vpcFlowLogs, [covered.component, ...covered.children, lonely, flowLogOnOutput(covered.component, 'ALL', 'covered')]);
      expect(other.map((finding) => [finding.enforcement, finding.urn])).toEqual([['mandatory', lonely.urn]]);
    });

    it('Preview: an unknown trafficType on a flow log linked through the component is undecided', async () => {
      const shared = awsxVpc('shared');
      const unknownTraffic = flowLogOnOutput(shared.component, UNKNOWN_VALUE, 'shared');
      const findings = await evaluate(vpcFlowLogs, [shared.component, ...shared.children, unknownTraffic]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[unknownTraffic.urn, 'trafficType']]);
    });

    describe('a component holding several VPCs: the dependency does not tell which one a flow log covers', () => {
      const pair = resource('acme:network:VpcPair', {}, { name: 'pair' });
      const blue = resource(VPC, { cidrBlock: '10.0.0.0/16' }, { name: 'blue', parent: pair });
      const green = resource(VPC, { cidrBlock: '10.1.0.0/16' }, { name: 'green', parent: pair });

      it('Undecided: as many ALL flow logs on its output as VPCs may cover them all; each is open on its vpcId, none passes as linked', async () => {
        const first = flowLogOnOutput(pair, 'ALL', 'first');
        const second = flowLogOnOutput(pair, 'ALL', 'second');
        const findings = await evaluate(vpcFlowLogs, [pair, blue, green, first, second]);
        expect(mandatory(findings)).toEqual([]);
        expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
          [first.urn, 'vpcId'],
          [second.urn, 'vpcId'],
        ]);
      });

      it('Noncompliance: one flow log on its output cannot cover two VPCs, reported once for the stack', async () => {
        const only = flowLogOnOutput(pair, 'ALL', 'only');
        const findings = await evaluate(vpcFlowLogs, [pair, blue, green, only]);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory', urn: undefined });
        expect(findings[0].message).toContain('2 VPCs ("blue", "green") have no flow log');
      });

      it('Compliance (update): known ids link each flow log to its VPC, whatever the dependency', async () => {
        const known = (vpc: ReturnType<typeof resource>, id: string) => ({ ...vpc, inputs: { ...vpc.inputs, id }, outputs: { ...vpc.outputs, id } });
        const flowLogs = ['vpc-0blue', 'vpc-0green'].map((id) => resource(FLOW_LOG, { vpcId: id, trafficType: 'ALL' }, { name: id, dependsOn: { vpcId: [pair] } }));
        expect(await evaluate(vpcFlowLogs, [pair, known(blue, 'vpc-0blue'), known(green, 'vpc-0green'), ...flowLogs])).toEqual([]);
        const onlyBlue = await evaluate(vpcFlowLogs, [pair, known(blue, 'vpc-0blue'), known(green, 'vpc-0green'), flowLogs[0]]);
        expect(onlyBlue.map((finding) => [finding.enforcement, finding.urn])).toEqual([['mandatory', green.urn]]);
      });
    });
  });

  describe('on a real program, same verdict in preview and update', () => {
    function network(withFlowLog: 'ALL' | 'REJECT' | 'none') {
      return () => {
        const vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });
        const logs = new aws.cloudwatch.LogGroup('flow-logs', { retentionInDays: 365 });
        const role = new aws.iam.Role('flow-logs', {
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
        });
        if (withFlowLog !== 'none') {
          new aws.ec2.FlowLog('main', { vpcId: vpc.id, trafficType: withFlowLog, logDestination: logs.arn, iamRoleArn: role.arn });
        }
        new aws.ec2.Subnet('private', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24' });
      };
    }

    it('the program exercises both link paths: an unknown vpcId with a dependency in preview, a known id in update', async () => {
      for (const mode of ['preview', 'update'] as const) {
        const { resources } = await runProgram(network('ALL'), { mode });
        const vpc = resources.find((record) => record.type === VPC);
        const flowLog = resources.find((record) => record.type === FLOW_LOG);
        expect(flowLog?.propertyDependencies['vpcId']).toEqual([vpc?.urn]);
        if (mode === 'preview') expect(flowLog?.inputs['vpcId']).toBe(UNKNOWN_VALUE);
        else {
          expect(vpc?.id).toEqual(expect.any(String));
          expect(vpc?.id).not.toBe(UNKNOWN_VALUE);
          expect(flowLog?.inputs['vpcId']).toBe(vpc?.id);
        }
      }
    });

    it.each(['preview', 'update'] as const)('Compliance (%s): a VPC with an ALL flow log', async (mode) => {
      const findings = await evaluateProgram(vpcFlowLogs, network('ALL'), { mode });
      expect(findings).toEqual([]);
    });

    it.each(['preview', 'update'] as const)('Noncompliance (%s): a VPC without a flow log', async (mode) => {
      const findings = await evaluateProgram(vpcFlowLogs, network('none'), { mode });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory' });
      expect(findings[0].urn).toMatch(/aws:ec2\/vpc:Vpc::main$/);
      expect(findings[0].message).toContain('VPC "main" has no flow log');
    });

    it.each(['preview', 'update'] as const)('Noncompliance (%s): a REJECT-only flow log', async (mode) => {
      const findings = await evaluateProgram(vpcFlowLogs, network('REJECT'), { mode });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ policy: 'vpc-flow-logs', enforcement: 'mandatory' });
      expect(findings[0].urn).toMatch(/aws:ec2\/vpc:Vpc::main$/);
      expect(findings[0].message).toContain('trafficType "REJECT"');
    });
  });
});
