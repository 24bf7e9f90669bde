import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { parsePolicyDocument, statementsOf, type PolicyStatement } from './parse';
import {
  describeCondition,
  hasRestrictingCondition,
  isRestrictingValue,
  isUnrestrictedPublicAllow,
  judgeCondition,
  permissionCondition,
  principalRestriction,
  RESTRICTING_CONDITION_KEYS,
  undecidedPublicParts,
} from './principal-restriction';

function publicStatement(condition: unknown, extra: Record<string, unknown> = {}): PolicyStatement {
  const [statement] = statementsOf(parsePolicyDocument({ Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: condition, ...extra } }));
  return statement;
}

const restricted = (condition: unknown, options = {}) => principalRestriction(publicStatement(condition), options).restricted;

/** Every caller key, with a value that pins the caller down and one that does not. */
const KEY_CASES: ReadonlyArray<readonly [key: string, restricting: string, open: string]> = [
  ['aws:SourceArn', 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE', 'arn:aws:cloudfront::*:distribution/*'],
  ['aws:SourceAccount', '111122223333', '*'],
  ['aws:SourceOwner', '111122223333', '1111*'],
  ['aws:SourceOrgID', 'o-a1b2c3d4e5', 'o-*'],
  ['aws:SourceOrgPaths', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*', '*/r-ab12/*'],
  ['aws:PrincipalOrgID', 'o-a1b2c3d4e5', '*'],
  ['aws:PrincipalOrgPaths', 'o-a1b2c3d4e5/*', 'o-?1b2c3d4e5/*'],
  ['aws:PrincipalAccount', '111122223333', '*'],
  ['aws:PrincipalArn', 'arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:role/admin'],
  ['aws:userid', 'AROAEXAMPLEID:*', '*:alice'],
  ['aws:SourceVpc', 'vpc-0abc1234', 'vpc-*'],
  ['aws:SourceVpce', 'vpce-0abc1234', '*'],
  ['kms:CallerAccount', '111122223333', '*'],
  ['s3:DataAccessPointAccount', '111122223333', '?????????????'],
  ['s3:DataAccessPointArn', 'arn:aws:s3:us-east-1:111122223333:accesspoint/*', 'arn:aws:s3:us-east-1:*:accesspoint/reports'],
];

describe('principalRestriction: keys', () => {
  it('covers every restricting key', () => {
    expect(KEY_CASES.map(([key]) => key.toLowerCase()).sort()).toEqual([...RESTRICTING_CONDITION_KEYS].sort());
  });

  it.each(KEY_CASES)('%s restricts with %s (StringLike), not with %s', (key, restricting, open) => {
    const operator = key === 'aws:SourceArn' || key === 'aws:PrincipalArn' || key === 's3:DataAccessPointArn' ? 'ArnLike' : 'StringLike';
    expect(restricted({ [operator]: { [key]: restricting } })).toBe(true);
    expect(restricted({ [operator]: { [key]: open } })).toBe(false);
    // one open value among restricting ones opens the condition: values are ORed
    expect(restricted({ [operator]: { [key]: [restricting, open] } })).toBe(false);
  });

  it.each([
    ['aws:ResourceAccount (the resource\'s own account, whoever calls)', { StringEquals: { 'aws:ResourceAccount': '111122223333' } }],
    ['aws:SourceIp (an address range, not a caller)', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ['sts:ExternalId (a shared secret anyone who knows it can send)', { StringEquals: { 'sts:ExternalId': 'secret' } }],
    ['aws:PrincipalIsAWSService (any account\'s service)', { Bool: { 'aws:PrincipalIsAWSService': 'true' } }],
    ['s3:prefix', { StringEquals: { 's3:prefix': 'home/' } }],
  ])('%s restricts nothing', (_label, condition) => {
    expect(restricted(condition)).toBe(false);
  });

  it('reads keys in any case', () => {
    expect(restricted({ StringEquals: { 'AWS:PRINCIPALORGID': 'o-a1b2c3d4e5' } })).toBe(true);
  });
});

describe('principalRestriction: operators', () => {
  it.each([
    ['StringEquals', { StringEquals: { 'aws:SourceAccount': '111122223333' } }],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:SourceVpce': 'VPCE-0ABC1234' } }],
    ['StringLike without a wildcard in the account', { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/*' } }],
    ['ArnEquals', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' } }],
    ['ArnLike with wildcards outside the account', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } }],
    ['ArnLike on an S3 bucket ARN (no account field)', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::log-source/*' } }],
    ['ForAnyValue:StringLike on organisation paths', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/*'] } }],
    ['StringEqualsIfExists on kms:CallerAccount (always present)', { StringEqualsIfExists: { 'kms:CallerAccount': '111122223333' } }],
    ['a computed (unknown) value', { ArnEquals: { 'aws:SourceArn': UNKNOWN_VALUE } }],
    ['a computed value in a list', { StringEquals: { 'aws:SourceAccount': [UNKNOWN_VALUE, '111122223333'] } }],
  ])('%s restricts', (_label, condition) => {
    expect(restricted(condition)).toBe(true);
  });

  it.each([
    ['StringLike "*"', { StringLike: { 'aws:SourceVpce': '*' } }, 'names no known aws:sourcevpce'],
    ['StringEquals "*" (a literal star: grants nobody today, one fix away from everyone)', { StringEquals: { 'aws:PrincipalOrgID': '*' } }, 'names no known'],
    ['ArnLike with a wildcard account', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:topic' } }, 'names no known'],
    ['ArnEquals with a wildcard bucket name', { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, 'names no known'],
    ['an empty value', { StringEquals: { 'aws:SourceAccount': '' } }, 'names no known'],
    ['an empty list', { StringEquals: { 'aws:SourceAccount': [] } }, 'lists no value'],
    ['StringNotEquals (everyone outside a set)', { StringNotEquals: { 'aws:SourceAccount': '111122223333' } }, 'does not limit'],
    ['ArnNotLike', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' } }, 'does not limit'],
    ['Null (the key is present: any value)', { Null: { 'aws:PrincipalOrgID': 'false' } }, 'does not limit'],
    ['StringEqualsIfExists on aws:SourceAccount (absent on direct calls)', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }, 'carries no'],
    ['ArnLikeIfExists on aws:SourceArn', { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' } }, 'carries no'],
    ['StringEqualsIfExists on aws:SourceVpce (absent off an endpoint)', { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-0abc1234' } }, 'carries no'],
    ['StringEqualsIfExists on aws:PrincipalOrgID (absent outside an organisation)', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, 'carries no'],
    ['StringEqualsIfExists on aws:PrincipalAccount (absent on anonymous requests)', { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } }, 'carries no'],
    ['ForAllValues:StringEquals (true when the key is absent)', { 'ForAllValues:StringEquals': { 'aws:SourceVpce': 'vpce-0abc1234' } }, 'carries no'],
  ])('%s does not restrict', (_label, condition, why) => {
    const result = principalRestriction(publicStatement(condition));
    expect(result.restricted).toBe(false);
    expect(result.notRestricting.map((entry) => entry.why).join(' ')).toContain(why);
  });

  it('takes ...IfExists on principal keys as restricting where every request is signed (key policies)', () => {
    const condition = { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } };
    expect(restricted(condition, { signedRequestsOnly: true })).toBe(true);
    expect(restricted(condition)).toBe(false);
    // Source keys stay omittable even there.
    expect(restricted({ StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }, { signedRequestsOnly: true })).toBe(false);
  });

  it('needs only one restricting condition: conditions are ANDed', () => {
    expect(restricted({ StringLike: { 'aws:SourceVpce': '*', 'aws:SourceAccount': '111122223333' } })).toBe(true);
    expect(restricted({ StringLike: { 'aws:SourceVpce': '*' }, Bool: { 'aws:SecureTransport': 'true' } })).toBe(false);
  });

  it('is UNDECIDED when the condition block or an operator map is unknown and nothing known restricts', () => {
    expect(restricted(UNKNOWN_VALUE)).toBe(UNDECIDED);
    expect(restricted({ StringEquals: UNKNOWN_VALUE })).toBe(UNDECIDED);
    expect(restricted({ StringEquals: UNKNOWN_VALUE, ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:t' } })).toBe(true);
    expect(restricted(undefined)).toBe(false);
  });

  it('only counts the keys it is given', () => {
    expect(hasRestrictingCondition(publicStatement({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } }), ['kms:calleraccount'])).toBe(false);
  });
});

describe('judgeCondition and permissionCondition (Lambda permission inputs)', () => {
  it.each([
    ['ArnLike', 'aws:SourceArn', 'arn:aws:execute-api:eu-west-1:111122223333:abc123/*', true],
    ['ArnLike', 'aws:SourceArn', 'arn:aws:execute-api:eu-west-1:*:*', false],
    ['ArnLike', 'aws:SourceArn', UNKNOWN_VALUE, true],
    ['StringEquals', 'aws:SourceAccount', '111122223333', true],
    ['StringEquals', 'aws:SourceAccount', '*', false],
    ['StringEquals', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5', true],
    ['StringEquals', 'aws:PrincipalOrgID', 'o-*', false],
  ] as const)('%s %s %s restricts: %s', (operator, key, value, expected) => {
    expect(judgeCondition(permissionCondition(operator, key, value)).restricts).toBe(expected);
  });

  it('describes a condition for messages', () => {
    expect(describeCondition(permissionCondition('StringEquals', 'aws:SourceAccount', ['*', UNKNOWN_VALUE]))).toBe('StringEquals aws:sourceaccount "*", (unknown)');
  });
});

describe('isRestrictingValue', () => {
  it('judges ARNs by their account, or their bucket name when they carry no account', () => {
    expect(isRestrictingValue('arn:aws:s3:::my-bucket')).toBe(true);
    expect(isRestrictingValue('arn:aws:s3:::*')).toBe(false);
    expect(isRestrictingValue('arn:aws:s3:::my-*')).toBe(false);
    expect(isRestrictingValue('arn:aws:iam::111122223333:role/*')).toBe(true);
    expect(isRestrictingValue('arn:aws:iam::*:role/admin')).toBe(false);
    expect(isRestrictingValue('??')).toBe(false);
    expect(isRestrictingValue('111122223333', 'aws:SourceAccount')).toBe(true);
  });
});

describe('isUnrestrictedPublicAllow and undecidedPublicParts', () => {
  it('is true only for a decided public Allow with no restricting condition', () => {
    expect(isUnrestrictedPublicAllow(publicStatement({ StringLike: { 'aws:SourceVpce': '*' } }))).toBe(true);
    expect(isUnrestrictedPublicAllow(publicStatement({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } }))).toBe(false);
    expect(isUnrestrictedPublicAllow(publicStatement(UNKNOWN_VALUE))).toBe(false);
  });

  it('names the unknown parts that could make a document public, under its property', () => {
    const document = {
      Statement: [
        { Effect: 'Allow', Principal: UNKNOWN_VALUE, Action: '*' },
        { Effect: UNKNOWN_VALUE, Principal: '*', Action: '*' },
        { Effect: 'Allow', Principal: '*', Action: '*', Condition: UNKNOWN_VALUE },
        { Effect: 'Allow', Principal: '*', Action: '*', Condition: { StringEquals: { 'aws:SourceAccount': UNKNOWN_VALUE } } },
        { Effect: 'Deny', Principal: UNKNOWN_VALUE, Action: '*' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Condition: UNKNOWN_VALUE },
        UNKNOWN_VALUE,
      ],
    };
    expect(undecidedPublicParts(parsePolicyDocument(document), 'policy')).toEqual([
      'policy.Statement',
      'policy.Statement[0].Principal',
      'policy.Statement[1].Effect',
      'policy.Statement[2].Condition',
    ]);
    expect(undecidedPublicParts(parsePolicyDocument(UNKNOWN_VALUE), 'assumeRolePolicy')).toEqual(['assumeRolePolicy']);
    expect(undecidedPublicParts(parsePolicyDocument('not json'), 'policy')).toEqual([]);
  });
});
