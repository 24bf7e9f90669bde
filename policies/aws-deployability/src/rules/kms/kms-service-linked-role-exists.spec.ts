import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { kmsServiceLinkedRoleExists } from './kms-service-linked-role-exists';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const GRANT = 'aws:kms/grant:Grant';

describe('kms-service-linked-role-exists', () => {
  it('Compliance: the grant takes the role from a ServiceLinkedRole of the stack, or from a StackReference', async () => {
    const role = resource('aws:iam/serviceLinkedRole:ServiceLinkedRole', { awsServiceName: 'autoscaling.amazonaws.com' }, { name: 'autoscaling' });
    const grant = resource(GRANT, { keyId: 'k', granteePrincipal: ROLE, operations: ['Decrypt'] }, { dependsOn: { granteePrincipal: [role] } });
    expect(await evaluate(kmsServiceLinkedRoleExists, [role, grant])).toEqual([]);
    const reference = resource('pulumi:pulumi:StackReference', { name: 'org/baseline/dev' }, { name: 'baseline' });
    const fromReference = resource(GRANT, { keyId: 'k', granteePrincipal: ROLE, operations: ['Decrypt'] }, { dependsOn: { granteePrincipal: [reference] } });
    expect(await evaluate(kmsServiceLinkedRoleExists, [reference, fromReference])).toEqual([]);
  });

  it('Noncompliance 1: a grant to a hard-coded Auto Scaling service-linked role ARN (InvalidArnException where the role was never created)', async () => {
    const findings = mandatory(await evaluate(kmsServiceLinkedRoleExists, [resource(GRANT, { keyId: 'k', granteePrincipal: ROLE, operations: ['Decrypt'] }, { name: 'volumes' })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('InvalidArnException');
    expect(findings[0]?.message).toContain('aws.iam.ServiceLinkedRole');
  });

  it('Noncompliance 2: a key policy naming the role while the stack creates it, with nothing ordering the key after it', async () => {
    const role = resource('aws:iam/serviceLinkedRole:ServiceLinkedRole', { awsServiceName: 'autoscaling.amazonaws.com' });
    const key = resource('aws:kms/key:Key', { policy: keyPolicy({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Decrypt', Resource: '*' }) }, { name: 'ebs' });
    const findings = mandatory(await evaluate(kmsServiceLinkedRoleExists, [role, key]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('nothing orders the grant after the role');
  });

  it('Preview: a grantee unknown until apply (an output of the role) is not judged on its value', async () => {
    const role = resource('aws:iam/serviceLinkedRole:ServiceLinkedRole', { awsServiceName: 'autoscaling.amazonaws.com' });
    const grant = resource(GRANT, { keyId: 'k', granteePrincipal: UNKNOWN_VALUE, operations: ['Decrypt'] }, { dependsOn: { granteePrincipal: [role] } });
    expect(await evaluate(kmsServiceLinkedRoleExists, [role, grant])).toEqual([]);
  });

  it('Preview: an unknown key policy, an unknown policy principal, or an unknown grantee from no role of the stack is undecided, not skipped', async () => {
    const unknownPolicy = resource('aws:kms/key:Key', { policy: UNKNOWN_VALUE }, { name: 'unknown-policy' });
    const unknownPrincipal = resource('aws:kms/key:Key', { policy: keyPolicy({ Effect: 'Allow', Principal: { AWS: UNKNOWN_VALUE }, Action: 'kms:Decrypt', Resource: '*' }) }, { name: 'unknown-principal' });
    const grant = resource(GRANT, { keyId: 'k', granteePrincipal: UNKNOWN_VALUE, operations: ['Decrypt'] }, { name: 'unknown-grantee' });
    const findings = await evaluate(kmsServiceLinkedRoleExists, [unknownPolicy, unknownPrincipal, grant]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.message])).toEqual([
      [grant.urn, expect.stringContaining('granteePrincipal')],
      [unknownPolicy.urn, expect.stringContaining('policy')],
      [unknownPrincipal.urn, expect.stringContaining('policy')],
    ]);
  });
});
