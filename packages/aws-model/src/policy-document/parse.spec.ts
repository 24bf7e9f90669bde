import fc from 'fast-check';
import {
  coversAction,
  coversResource,
  deniesInsecureTransport,
  isPublicPrincipal,
  parsePolicyDocument,
  statementsOf,
  wildcardMatches,
  type PolicyStatement,
} from './parse';
import { principalRestriction, undecidedPublicPart } from './principal-restriction';
import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';

function onlyStatement(document: unknown): PolicyStatement {
  const statements = statementsOf(parsePolicyDocument(document));
  expect(statements).toHaveLength(1);
  return statements[0];
}

describe('parsePolicyDocument', () => {
  it('parses a JSON string and an object alike, Statement as an object or a list', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'] };
    const fromString = parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
    const fromObject = parsePolicyDocument({ Version: '2012-10-17', Statement: statement });
    expect(fromString).toEqual(fromObject);
    expect(fromString.kind).toBe('document');
    const [parsed] = statementsOf(fromString);
    expect(parsed.effect).toBe('Allow');
    expect(parsed.action).toEqual({ known: ['s3:GetObject'], hasUnknown: false });
    expect(parsed.resource).toEqual({ known: ['arn:aws:s3:::b/*'], hasUnknown: false });
    expect(parsed.notAction).toBeUndefined();
  });

  it('reads NotAction, NotResource and NotPrincipal', () => {
    const statement = onlyStatement({
      Statement: { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:iam::*:user/x', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } },
    });
    expect(statement.action).toBeUndefined();
    expect(statement.notAction?.known).toEqual(['iam:*']);
    expect(statement.notResource?.known).toEqual(['arn:aws:iam::*:user/x']);
    expect(statement.notPrincipal?.aws.known).toEqual(['arn:aws:iam::111122223333:root']);
  });

  it('reads every principal kind', () => {
    const statement = onlyStatement({
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::1:root'], Service: 'lambda.amazonaws.com', Federated: 'cognito-identity.amazonaws.com', CanonicalUser: 'abc' },
      },
    });
    expect(statement.principal).toMatchObject({
      wildcard: false,
      aws: { known: ['arn:aws:iam::1:root'] },
      service: { known: ['lambda.amazonaws.com'] },
      federated: { known: ['cognito-identity.amazonaws.com'] },
      canonicalUser: { known: ['abc'] },
    });
  });

  it('splits condition operators into qualifier, base and IfExists, with keys in lower case', () => {
    const statement = onlyStatement({
      Statement: {
        Effect: 'Allow',
        Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:PrincipalOrgID': ['o-1'] }, Bool: { 'aws:SecureTransport': false } },
      },
    });
    expect(statement.conditions).toEqual([
      { operator: 'ForAnyValue:StringEqualsIfExists', baseOperator: 'stringequals', ifExists: true, setQualifier: 'ForAnyValue', key: 'aws:principalorgid', values: { known: ['o-1'], hasUnknown: false } },
      { operator: 'Bool', baseOperator: 'bool', ifExists: false, key: 'aws:securetransport', values: { known: ['false'], hasUnknown: false } },
    ]);
  });

  it('represents unknowns at every level instead of throwing', () => {
    expect(parsePolicyDocument(UNKNOWN_VALUE)).toEqual({ kind: 'unknown' });
    expect(parsePolicyDocument(JSON.stringify(UNKNOWN_VALUE))).toEqual({ kind: 'unknown' });
    const parsed = parsePolicyDocument({ Statement: UNKNOWN_VALUE });
    expect(parsed).toEqual({ kind: 'document', document: { statements: [], statementsUnknown: true } });
    const statement = onlyStatement({
      Statement: [{ Effect: UNKNOWN_VALUE, Action: ['s3:GetObject', UNKNOWN_VALUE], Principal: UNKNOWN_VALUE, Condition: UNKNOWN_VALUE }],
    });
    expect(statement.effect).toBe(UNDECIDED);
    expect(statement.action).toEqual({ known: ['s3:GetObject'], hasUnknown: true });
    expect(statement.principal?.unknown).toBe(true);
    expect(statement.conditionUnknown).toBe(true);
  });

  it('says why a value is not a policy document', () => {
    expect(parsePolicyDocument('{not json')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('not valid JSON') });
    expect(parsePolicyDocument('[1,2]')).toEqual({ kind: 'invalid', reason: 'expected a JSON object with a Statement list, got a list' });
    expect(parsePolicyDocument(42)).toMatchObject({ kind: 'invalid' });
    expect(parsePolicyDocument(undefined)).toEqual({ kind: 'absent' });
    expect(parsePolicyDocument('  ')).toEqual({ kind: 'absent' });
  });

  it('never throws on arbitrary JSON, as text or as a value', () => {
    const anyJson = fc.jsonValue();
    const statementLike = fc.record(
      {
        Effect: fc.oneof(fc.constantFrom('Allow', 'Deny', UNKNOWN_VALUE), anyJson),
        Action: fc.oneof(fc.string(), fc.array(fc.oneof(fc.string(), fc.constant(UNKNOWN_VALUE))), anyJson),
        Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: fc.oneof(fc.string(), anyJson) }), anyJson),
        Condition: fc.oneof(fc.dictionary(fc.string(), fc.dictionary(fc.string(), anyJson)), anyJson),
      },
      { requiredKeys: [] },
    );
    const documents = fc.oneof(anyJson, fc.record({ Statement: fc.oneof(statementLike, fc.array(statementLike), anyJson) }));
    fc.assert(
      fc.property(documents, fc.boolean(), (document, asText) => {
        const parsed = parsePolicyDocument(asText ? JSON.stringify(document) : document);
        for (const statement of statementsOf(parsed)) {
          isPublicPrincipal(statement);
          principalRestriction(statement);
          undecidedPublicPart(statement);
          deniesInsecureTransport(statement);
          coversAction(statement, 's3:GetObject');
          coversResource(statement, 'arn:aws:s3:::bucket');
        }
        expect(['document', 'unknown', 'absent', 'invalid']).toContain(parsed.kind);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isPublicPrincipal', () => {
  it.each([
    ['"*"', '*'],
    ['{ AWS: "*" }', { AWS: '*' }],
    ['{ AWS: [account, "*"] }', { AWS: ['arn:aws:iam::1:root', '*'] }],
  ])('is true for %s', (_label, principal) => {
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', Principal: principal } }))).toBe(true);
  });

  it('is true for an Allow with NotPrincipal (everyone but the listed)', () => {
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' } } }))).toBe(true);
  });

  it('is false for accounts and services, and for a computed (unknown) ARN entry', () => {
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' } } }))).toBe(false);
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', Principal: { Service: '*' } } }))).toBe(false);
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', Principal: { AWS: [UNKNOWN_VALUE] } } }))).toBe(false);
  });

  it('is UNDECIDED when the whole principal is unknown', () => {
    expect(isPublicPrincipal(onlyStatement({ Statement: { Effect: 'Allow', Principal: UNKNOWN_VALUE } }))).toBe(UNDECIDED);
  });
});

describe('deniesInsecureTransport', () => {
  const deny = (operator: string, value: unknown, effect = 'Deny') =>
    onlyStatement({ Statement: { Effect: effect, Principal: '*', Action: 's3:*', Condition: { [operator]: { 'aws:SecureTransport': value } } } });

  it('accepts Bool and BoolIfExists with false or "false"', () => {
    expect(deniesInsecureTransport(deny('Bool', 'false'))).toBe(true);
    expect(deniesInsecureTransport(deny('BoolIfExists', false))).toBe(true);
    expect(deniesInsecureTransport(deny('Bool', ['false']))).toBe(true);
  });

  it('rejects an Allow, a true value and an unknown value', () => {
    expect(deniesInsecureTransport(deny('Bool', 'false', 'Allow'))).toBe(false);
    expect(deniesInsecureTransport(deny('Bool', true))).toBe(false);
    expect(deniesInsecureTransport(deny('Bool', UNKNOWN_VALUE))).toBe(false);
  });
});

describe('coversAction and coversResource', () => {
  it('matches wildcards in actions case-insensitively', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Allow', Action: ['S3:Get*'] } });
    expect(coversAction(statement, 's3:GetObject')).toBe(true);
    expect(coversAction(statement, 's3:PutObject')).toBe(false);
  });

  it('inverts NotAction', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Deny', NotAction: ['iam:ListMFADevices', 'sts:*'] } });
    expect(coversAction(statement, 's3:GetObject')).toBe(true);
    expect(coversAction(statement, 'sts:GetSessionToken')).toBe(false);
  });

  it('is UNDECIDED when an unknown entry leaves the answer open', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Allow', Action: [UNKNOWN_VALUE], Resource: [UNKNOWN_VALUE] } });
    expect(coversAction(statement, 's3:GetObject')).toBe(UNDECIDED);
    expect(coversResource(statement, 'arn:aws:s3:::b')).toBe(UNDECIDED);
  });

  it('matches resources case-sensitively', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Deny', Resource: ['arn:aws:s3:::logs/*'] } });
    expect(coversResource(statement, 'arn:aws:s3:::logs/a/b')).toBe(true);
    expect(coversResource(statement, 'arn:aws:s3:::LOGS/a')).toBe(false);
    expect(coversResource(statement, 'arn:aws:s3:::logs')).toBe(false);
  });

  it('wildcardMatches handles ? and backtracking', () => {
    expect(wildcardMatches('a*b?c', 'axxbbyc', false)).toBe(true);
    expect(wildcardMatches('a*b?c', 'axxbc', false)).toBe(false);
    expect(wildcardMatches('*', '', false)).toBe(true);
  });
});
