import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { vpcFlowLogDelivery } from './vpc-flow-log-delivery';

const provider = resource('pulumi:providers:aws', { region: 'eu-west-1' }, { name: 'euw1' });
const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }] });
const write = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: [`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:flow-logs`, `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:flow-logs:*`] }] });

function stack(trustPolicy: unknown, permissions: unknown) {
  const key = resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider });
  const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { provider });
  const role = resource('aws:iam/role:Role', { name: 'flow-logs', assumeRolePolicy: trustPolicy }, { name: 'flow-logs', provider });
  const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: permissions }, { dependsOn: { role: [role] }, provider });
  const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE, trafficType: 'ALL' }, { name: 'vpc', dependsOn: { iamRoleArn: [role], logDestination: [group] }, provider });
  return [provider, key, group, role, rolePolicy, flowLog];
}

describe('vpc-flow-log-delivery', () => {
  it('Compliance: the VPC guide\'s trust and write permissions', async () => {
    expect(await evaluate(vpcFlowLogDelivery, stack(trust('vpc-flow-logs.amazonaws.com'), write(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'])))).toEqual([]);
  });

  it('Noncompliance 1: the role trusts ec2.amazonaws.com instead of vpc-flow-logs.amazonaws.com', async () => {
    const findings = mandatory(await evaluate(vpcFlowLogDelivery, stack(trust('ec2.amazonaws.com'), write(['logs:CreateLogStream', 'logs:PutLogEvents']))));
    expect(findings[0]?.message).toContain('its trust policy refuses vpc-flow-logs.amazonaws.com calling sts:AssumeRole');
  });

  it('Noncompliance 2: the role may create streams but not put events (nothing is delivered)', async () => {
    const findings = mandatory(await evaluate(vpcFlowLogDelivery, stack(trust('vpc-flow-logs.amazonaws.com'), write(['logs:CreateLogStream']))));
    expect(findings[0]?.message).toContain('refuse logs:PutLogEvents');
  });

  it('Preview: an unknown permission policy is undecided', async () => {
    expect(undecided(await evaluate(vpcFlowLogDelivery, stack(trust('vpc-flow-logs.amazonaws.com'), UNKNOWN_VALUE)))).toHaveLength(1);
  });

  describe('permissions attached as managed policies (RolePolicyAttachment)', () => {
    function attached(policyArn: unknown, policy?: ReturnType<typeof resource>) {
      const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { provider });
      const role = resource('aws:iam/role:Role', { name: 'flow-logs', assumeRolePolicy: trust('vpc-flow-logs.amazonaws.com') }, { name: 'flow-logs', provider });
      const attachment = resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', { role: UNKNOWN_VALUE, policyArn }, { name: 'write', dependsOn: { role: [role], ...(policy ? { policyArn: [policy] } : {}) }, provider });
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE, trafficType: 'ALL' }, { name: 'vpc', dependsOn: { iamRoleArn: [role], logDestination: [group] }, provider });
      return { attachment, resources: [provider, group, role, ...(policy ? [policy] : []), attachment, flowLog] };
    }

    it('Compliance: a customer managed policy of the stack, attached to the role, that allows the writes', async () => {
      const policy = resource('aws:iam/policy:Policy', { policy: write(['logs:CreateLogStream', 'logs:PutLogEvents']) }, { name: 'flow-logs-write', provider });
      expect(await evaluate(vpcFlowLogDelivery, attached(UNKNOWN_VALUE, policy).resources)).toEqual([]);
    });

    it('Noncompliance: an attached policy of the stack that does not allow PutLogEvents', async () => {
      const policy = resource('aws:iam/policy:Policy', { policy: write(['logs:CreateLogStream']) }, { name: 'flow-logs-write', provider });
      const findings = mandatory(await evaluate(vpcFlowLogDelivery, attached(UNKNOWN_VALUE, policy).resources));
      expect(findings[0]?.message).toContain('refuse logs:PutLogEvents');
    });

    it('Preview: an AWS managed or unknown policyArn is undecided on the attachment, neither a pass nor a violation', async () => {
      for (const policyArn of ['arn:aws:iam::aws:policy/CloudWatchLogsFullAccess', UNKNOWN_VALUE]) {
        const { attachment, resources } = attached(policyArn);
        const findings = await evaluate(vpcFlowLogDelivery, resources);
        expect(mandatory(findings)).toEqual([]);
        expect(undecided(findings).map((finding) => [finding.urn, finding.message])).toEqual([[attachment.urn, expect.stringContaining('policyArn')]]);
      }
    });
  });
});
