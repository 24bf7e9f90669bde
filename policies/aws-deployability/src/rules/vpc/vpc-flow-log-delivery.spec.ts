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

  describe('a role or log group the rule cannot link', () => {
    const allowWrites = write(['logs:CreateLogStream', 'logs:PutLogEvents']);
    /** An awsx FargateTaskDefinition holding a task and an execution role (and no log group), as the flow log's role source. */
    function fargateRoles(executionTrust: string) {
      const taskDefinition = resource('awsx:ecs:FargateTaskDefinition', {}, { name: 'web' });
      const taskRole = resource('aws:iam/role:Role', { name: 'web-task', assumeRolePolicy: trust('ecs-tasks.amazonaws.com') }, { name: 'web-task', parent: taskDefinition, provider });
      const arn = `arn:aws:iam::${ACCOUNT}:role/web-execution`;
      const executionRole = resource('aws:iam/role:Role', { name: 'web-execution', arn, assumeRolePolicy: executionTrust }, { name: 'web-execution', parent: taskDefinition, provider });
      const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: 'web-execution', policy: allowWrites }, { provider });
      return { taskDefinition, arn, resources: [taskDefinition, taskRole, executionRole, rolePolicy] };
    }

    it('Preview: an iamRoleArn from a component holding two roles is undecided on iamRoleArn, neither a pass nor a violation', async () => {
      const { taskDefinition, resources } = fargateRoles(trust('ecs-tasks.amazonaws.com'));
      const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { provider });
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { iamRoleArn: [taskDefinition], logDestination: [group] }, provider });
      const findings = await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), ...resources, group, flowLog]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property, finding.message])).toEqual([
        [flowLog.urn, 'iamRoleArn', expect.stringContaining('holds several roles (web-task, web-execution), and is linked to no one role of the stack')],
      ]);
    });

    it('Preview: an iamRoleArn with no dependency at all is undecided too', async () => {
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:flow-logs' }, { name: 'vpc', provider });
      const findings = await evaluate(vpcFlowLogDelivery, [provider, flowLog]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['iamRoleArn', expect.stringContaining('no dependency ties it to a role of the stack')]]);
    });

    it('Update: the same flow log with the ARN known links the execution role and judges it (its trust refuses the service)', async () => {
      const { arn, resources } = fargateRoles(trust('ecs-tasks.amazonaws.com'));
      const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs', arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:flow-logs' }, { provider });
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: arn, logDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:flow-logs' }, { name: 'vpc', provider });
      const findings = await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), ...resources, group, flowLog]);
      expect(undecided(findings)).toEqual([]);
      expect(mandatory(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('delivers through role web-execution, but its trust policy refuses')]);
    });

    it('Update: the linked execution role trusting the service and allowed to write passes', async () => {
      const { arn, resources } = fargateRoles(trust('vpc-flow-logs.amazonaws.com'));
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: arn, logDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:flow-logs' }, { name: 'vpc', provider });
      expect(await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), ...resources, flowLog])).toEqual([]);
    });

    it('A known log group ARN outside the stack is still checked against the role\'s permissions', async () => {
      const role = resource('aws:iam/role:Role', { name: 'flow-logs', assumeRolePolicy: trust('vpc-flow-logs.amazonaws.com') }, { name: 'flow-logs', provider });
      const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: allowWrites }, { dependsOn: { role: [role] }, provider });
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:elsewhere` }, { name: 'vpc', dependsOn: { iamRoleArn: [role] }, provider });
      const findings = mandatory(await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), role, rolePolicy, flowLog]));
      expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining(`refuse logs:CreateLogStream on arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:elsewhere:log-stream`)]);
    });

    it('Preview: a logDestination from a component holding two log groups is undecided on logDestination once the role is judged', async () => {
      const role = resource('aws:iam/role:Role', { name: 'flow-logs', assumeRolePolicy: trust('vpc-flow-logs.amazonaws.com') }, { name: 'flow-logs', provider });
      const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: allowWrites }, { dependsOn: { role: [role] }, provider });
      const logs = resource('example:index:Logs', {}, { name: 'logs' });
      const groups = ['a', 'b'].map((name) => resource('aws:cloudwatch/logGroup:LogGroup', { name }, { name, parent: logs, provider }));
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { iamRoleArn: [role], logDestination: [logs] }, provider });
      const findings = await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), role, rolePolicy, logs, ...groups, flowLog]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(['logDestination']);
    });

    it('Preview: a role policy whose role is unknown and unlinked may be the role\'s, so a role without other permissions is undecided, not refused', async () => {
      const role = resource('aws:iam/role:Role', { name: 'flow-logs', assumeRolePolicy: trust('vpc-flow-logs.amazonaws.com') }, { name: 'flow-logs', provider });
      const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { provider });
      const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: allowWrites }, { name: 'somebody-s', provider });
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { iamRoleArn: [role], logDestination: [group] }, provider });
      const findings = await evaluate(vpcFlowLogDelivery, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), role, group, rolePolicy, flowLog]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[rolePolicy.urn, 'role']]);
    });

    it('Preview: an unknown logDestinationType is undecided, since only CloudWatch Logs delivery needs a role', async () => {
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestinationType: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE }, { name: 'vpc', provider });
      expect(undecided(await evaluate(vpcFlowLogDelivery, [provider, flowLog])).map((finding) => finding.property)).toEqual(['logDestinationType']);
    });
  });
});
