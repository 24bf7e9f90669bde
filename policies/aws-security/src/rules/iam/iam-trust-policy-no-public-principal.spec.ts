import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
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

  describe('conditions that only look restricting (issue 16)', () => {
    it.each([
      ['StringEquals aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
      ['ForAnyValue:StringLike aws:PrincipalOrgPaths in one organisation', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'] } }],
      ['StringEquals aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': '111122223333' } }],
    ])('Compliance: %s', async (_label, condition) => {
      expect(await evaluate(iamTrustPolicyNoPublicPrincipal, [resource(ROLE, { assumeRolePolicy: trust({ Principal: '*', Condition: condition }) })])).toEqual([]);
    });

    it.each([
      ['StringLike aws:PrincipalOrgID "o-*"', { StringLike: { 'aws:PrincipalOrgID': 'o-*' } }, 'names no known aws:principalorgid'],
      ['StringEqualsIfExists aws:PrincipalAccount (federated callers carry none)', { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } }, 'carries no aws:principalaccount'],
      ['ForAnyValue:StringLike aws:PrincipalOrgPaths with a wildcard organisation', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['*/r-ab12/*'] } }, 'names no known'],
      ['Null aws:PrincipalOrgID false (any organisation)', { Null: { 'aws:PrincipalOrgID': 'false' } }, 'does not limit'],
    ])('Noncompliance: %s', async (_label, condition, why) => {
      const role = resource(ROLE, { assumeRolePolicy: trust({ Principal: { AWS: '*' }, Condition: condition }) });
      const findings = await evaluate(iamTrustPolicyNoPublicPrincipal, [role]);
      expect(mandatory(findings).map((finding) => finding.urn)).toEqual([role.urn]);
      expect(findings[0].message).toContain(why);
    });
  });

  it('Preview: an unknown trust policy or principal is undecided; an unknown entry beside known ones is a role ARN', async () => {
    const unknownPolicy = resource(ROLE, { assumeRolePolicy: UNKNOWN_VALUE });
    const unknownPrincipal = resource(ROLE, { assumeRolePolicy: trust({ Principal: UNKNOWN_VALUE }) });
    const findings = await evaluate(iamTrustPolicyNoPublicPrincipal, [
      unknownPolicy,
      unknownPrincipal,
      resource(ROLE, { assumeRolePolicy: trust({ Principal: { AWS: UNKNOWN_VALUE } }) }),
      resource(ROLE, { assumeRolePolicy: trust({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': UNKNOWN_VALUE } } }) }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownPolicy.urn, 'assumeRolePolicy'],
      [unknownPrincipal.urn, 'assumeRolePolicy.Statement[0].Principal'],
    ]);
  });
});
