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
});
