import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { parsePolicyDocument, statementsOf, type PolicyStatement } from './parse';
import { describePrincipal, principalContextKeys, statementNamesPrincipal, type RequestPrincipal } from './request-principal';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deployer`;
const service: RequestPrincipal = { kind: 'service', service: 'cloudtrail.amazonaws.com' };
const role = (viaIdentityPolicies: boolean): RequestPrincipal => ({ kind: 'iam', arn: ROLE, account: ACCOUNT, viaIdentityPolicies });
const caller: RequestPrincipal = { kind: 'caller', description: 'IAM user alice' };

function statement(fields: Record<string, unknown>): PolicyStatement {
  return statementsOf(parsePolicyDocument({ Statement: { Effect: 'Allow', Action: '*', ...fields } }))[0] as PolicyStatement;
}

describe('statementNamesPrincipal', () => {
  it.each([
    ['Principal "*" names a service', { Principal: '*' }, service, true],
    ['{ AWS: "*" } names an IAM principal', { Principal: { AWS: '*' } }, role(false), true],
    ['a service principal, case ignored', { Principal: { Service: ['CloudTrail.amazonaws.com'] } }, service, true],
    ['another service principal', { Principal: { Service: 'config.amazonaws.com' } }, service, false],
    ['an unknown service entry', { Principal: { Service: [UNKNOWN_VALUE] } }, service, UNDECIDED],
    ['the role by its ARN', { Principal: { AWS: ROLE } }, role(false), true],
    ['the account root, through identity policies', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }, role(true), true],
    ['the account id, through identity policies', { Principal: { AWS: ACCOUNT } }, role(true), true],
    ['the account root, for a role whose policies cannot grant it', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }, role(false), false],
    ['a wholly unknown principal', { Principal: UNKNOWN_VALUE }, role(true), UNDECIDED],
    ['NotPrincipal listing the role', { NotPrincipal: { AWS: ROLE } }, role(false), false],
    ['NotPrincipal listing someone else', { NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' } }, role(false), true],
    ['no principal element, in a resource policy', {}, service, false],
    ['no principal element, for the caller of identity policies', {}, caller, true],
    ['a principal element, for the caller of identity policies', { Principal: '*' }, caller, false],
  ] as const)('%s: %s', (_label, fields, principal, expected) => {
    expect(statementNamesPrincipal(statement(fields), principal)).toBe(expected);
  });
});

describe('principalContextKeys and describePrincipal', () => {
  it('adds the keys AWS puts on every request of the principal', () => {
    expect(principalContextKeys(service)).toEqual({ 'aws:principalservicename': 'cloudtrail.amazonaws.com', 'aws:principalisawsservice': 'true' });
    expect(principalContextKeys(role(false))).toEqual({ 'aws:principalarn': ROLE, 'aws:principalaccount': ACCOUNT, 'aws:principalisawsservice': 'false' });
    expect(principalContextKeys({ kind: 'iam', account: ACCOUNT, viaIdentityPolicies: true })).toEqual({ 'aws:principalaccount': ACCOUNT, 'aws:principalisawsservice': 'false' });
    expect(principalContextKeys(caller)).toEqual({});
  });

  it('names the principal for messages', () => {
    expect(describePrincipal(service)).toBe('cloudtrail.amazonaws.com');
    expect(describePrincipal(role(false))).toBe(ROLE);
    expect(describePrincipal({ kind: 'iam', account: ACCOUNT, viaIdentityPolicies: true })).toBe(`a principal of account ${ACCOUNT}`);
    expect(describePrincipal(caller)).toBe('IAM user alice');
  });
});
