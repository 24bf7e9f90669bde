import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamTrustPolicyNoPublicPrincipal } from './iam-trust-policy-no-public-principal';

const ROLE = 'aws:iam/role:Role';
const trust = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });

describe('iam-trust-policy-no-public-principal', () => {
  it('Compliance: services, accounts, and "*" restricted to the organisation', async () => {
    const findings = await evaluate(iamTrustPolicyNoPublicPrincipal, [
      resource(ROLE, { assumeRolePolicy: trust({ Principal: { Service: 'lambda.amazonaws.com' } }) }),
      resource(ROLE, { assumeRolePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] } }),
      resource(ROLE, { assumeRolePolicy: trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }) }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: Principal "*"', async () => {
    const role = resource(ROLE, { assumeRolePolicy: trust({ Principal: '*' }) }, { name: 'open' });
    expect(await evaluate(iamTrustPolicyNoPublicPrincipal, [role])).toEqual([
      expect.objectContaining({
        policy: 'iam-trust-policy-no-public-principal',
        enforcement: 'mandatory',
        urn: role.urn,
        message: expect.stringContaining('open: `assumeRolePolicy` statement 1 Allows Principal "*" with no restricting condition'),
      }),
    ]);
  });

  it('Noncompliance 2: {"AWS": ["*"]} with a condition that restricts nothing', async () => {
    const role = resource(ROLE, { assumeRolePolicy: trust({ Principal: { AWS: ['*'] }, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }) });
    expect(await evaluate(iamTrustPolicyNoPublicPrincipal, [role])).toHaveLength(1);
  });

  it('Preview: unknown trust policies and principals decide nothing', async () => {
    const findings = await evaluate(iamTrustPolicyNoPublicPrincipal, [
      resource(ROLE, { assumeRolePolicy: UNKNOWN_VALUE }),
      resource(ROLE, { assumeRolePolicy: trust({ Principal: UNKNOWN_VALUE }) }),
      resource(ROLE, { assumeRolePolicy: trust({ Principal: { AWS: UNKNOWN_VALUE } }) }),
    ]);
    expect(findings).toEqual([]);
  });
});
