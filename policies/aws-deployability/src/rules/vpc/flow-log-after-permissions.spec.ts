import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { flowLogAfterPermissions } from './flow-log-after-permissions';

function stack(dependsOnPolicy: boolean) {
  const logGroup = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { name: 'flow-logs' });
  const role = resource('aws:iam/role:Role', { name: 'flow-logs' }, { name: 'flow-logs' });
  const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: '{}' }, { name: 'write-logs', dependsOn: { role: [role] } });
  const flowLog = resource(
    'aws:ec2/flowLog:FlowLog',
    { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE, trafficType: 'ALL' },
    { name: 'vpc', dependsOn: { logDestination: [logGroup], iamRoleArn: [role] }, explicitDependsOn: dependsOnPolicy ? [rolePolicy] : [] },
  );
  return [logGroup, role, rolePolicy, flowLog] as const;
}

describe('flow-log-after-permissions', () => {
  it('Compliance: the flow log depends on its log group, role and the role policy', async () => {
    expect(await evaluate(flowLogAfterPermissions, stack(true))).toEqual([]);
  });

  it('Noncompliance: the flow log does not depend on its role policy (created first, it stays in "Access error")', async () => {
    const findings = mandatory(await evaluate(flowLogAfterPermissions, stack(false)));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('does not depend on RolePolicy write-logs');
  });

  it('Preview: links go through dependencies, so the unknown ARNs of a first preview give the same verdict', async () => {
    expect(mandatory(await evaluate(flowLogAfterPermissions, stack(false)))).toHaveLength(1);
  });

  describe('a role or destination the rule cannot link', () => {
    /** An awsx FargateTaskDefinition with a task and an execution role, each with its role policy, and a log group. */
    function fargate() {
      const taskDefinition = resource('awsx:ecs:FargateTaskDefinition', {}, { name: 'web' });
      const roles = ['web-task', 'web-execution'].map((name) => resource('aws:iam/role:Role', { name }, { name, parent: taskDefinition }));
      const policies = roles.map((role) => resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: '{}' }, { name: `${role.name}-policy`, parent: taskDefinition, dependsOn: { role: [role] } }));
      const logGroup = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { name: 'flow-logs' });
      return { taskDefinition, policies, logGroup, resources: [taskDefinition, ...roles, ...policies, logGroup] };
    }

    it('Preview: an iamRoleArn with no dependency, on a flow log ordered only after its log group, is undecided on iamRoleArn', async () => {
      const { logGroup, resources } = fargate();
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { logDestination: [logGroup] } });
      const findings = await evaluate(flowLogAfterPermissions, [...resources, flowLog]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([
        ['iamRoleArn', expect.stringContaining('no dependency ties it to a role of the stack; the flow log must depend on its role\'s permissions, and does not depend on RolePolicy web-task-policy, RolePolicy web-execution-policy')],
      ]);
    });

    // A property dependency is a dependency: taking the ARN from the component orders the flow log after everything
    // the component holds, so this case is decided even though the role is not linked.
    it('Compliance: depending on the component waits for both roles\' policies, so whichever role it is, the order holds', async () => {
      const { taskDefinition, logGroup, resources } = fargate();
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { logDestination: [logGroup], iamRoleArn: [taskDefinition] } });
      expect(await evaluate(flowLogAfterPermissions, [...resources, flowLog])).toEqual([]);
    });

    it('Update: with the ARN known, the role is linked and a missing dependency on its policy is a violation again', async () => {
      const { policies, logGroup, resources } = fargate();
      const known = (record: (typeof resources)[number]) => ({ ...record, outputs: { ...record.outputs, arn: `arn:aws:iam::111122223333:role/${record.name}` } });
      const withArn = resources.map((record) => (record.type === 'aws:iam/role:Role' ? known(record) : record));
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestination: UNKNOWN_VALUE, iamRoleArn: 'arn:aws:iam::111122223333:role/web-execution' }, { name: 'vpc', dependsOn: { logDestination: [logGroup] } });
      const findings = await evaluate(flowLogAfterPermissions, [...withArn, flowLog]);
      expect(undecided(findings)).toEqual([]);
      expect(mandatory(findings).map((finding) => finding.message)).toEqual([expect.stringContaining(`does not depend on RolePolicy ${policies[1]?.name}`)]);
    });

    it('Preview: a logDestination with no dependency, on a flow log not ordered after the log group, is undecided on logDestination', async () => {
      const [logGroup, role, rolePolicy] = stack(true);
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE }, { name: 'vpc', dependsOn: { iamRoleArn: [role] }, explicitDependsOn: [rolePolicy] });
      const findings = await evaluate(flowLogAfterPermissions, [logGroup, role, rolePolicy, flowLog]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['logDestination', expect.stringContaining('no dependency ties it to a log group of the stack')]]);
    });

    it('Preview: a role policy whose role is unknown and unlinked, which the flow log does not wait for, is undecided on that policy', async () => {
      const [logGroup, role, rolePolicy, flowLog] = stack(true);
      const somebodys = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: '{}' }, { name: 'somebody-s' });
      const findings = await evaluate(flowLogAfterPermissions, [logGroup, role, rolePolicy, somebodys, flowLog]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[somebodys.urn, 'role']]);
    });
  });
});
