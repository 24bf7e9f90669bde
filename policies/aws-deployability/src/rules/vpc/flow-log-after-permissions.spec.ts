import { evaluate, mandatory, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { flowLogAfterPermissions } from './flow-log-after-permissions';

function stack(dependsOnPolicy: boolean) {
  const logGroup = resource('aws:cloudwatch/logGroup:LogGroup', { name: 'flow-logs' }, { name: 'flow-logs' });
  const role = resource('aws:iam/role:Role', { name: 'flow-logs' }, { name: 'flow-logs' });
  const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: UNKNOWN_VALUE, policy: '{}' }, { name: 'write-logs', dependsOn: { role: [role] } });
  const flowLog = resource(
    'aws:ec2/flowLog:FlowLog',
    { logDestination: UNKNOWN_VALUE, iamRoleArn: UNKNOWN_VALUE, trafficType: 'ALL' },
    { name: 'vpc', dependsOn: { logDestination: [logGroup], iamRoleArn: [role], ...(dependsOnPolicy ? { __dependsOn: [rolePolicy] } : {}) } },
  );
  return [logGroup, role, rolePolicy, flowLog];
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
});
