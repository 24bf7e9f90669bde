import { contextValues, evaluateCondition } from './condition-evaluation';
import { CONDITION_OPERATORS, conditionOperator, dateOf } from './condition-operators';
import { parsePolicyDocument, statementsOf, type PolicyCondition } from './parse';

/** The condition `{ <operator>: { test:key: listed } }` as the parser reads it. */
function condition(operator: string, listed: string | readonly string[]): PolicyCondition {
  const [statement] = statementsOf(parsePolicyDocument({ Statement: { Effect: 'Allow', Condition: { [operator]: { 'test:key': listed } } } }));
  return statement?.conditions[0] as PolicyCondition;
}

const holds = (operator: string, listed: string | readonly string[], value: string) => evaluateCondition(condition(operator, listed), contextValues({ 'test:key': value }));

/**
 * Every operator of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * with a listed value, a request value it admits and one it refuses.
 */
const OPERATOR_TABLE: ReadonlyArray<readonly [operator: string, listed: string, admitted: string, refused: string]> = [
  ['StringEquals', 'alice', 'alice', 'Alice'],
  ['StringEquals', '*', '*', 'alice'],
  ['StringNotEquals', 'alice', 'bob', 'alice'],
  ['StringEqualsIgnoreCase', 'Alice', 'ALICE', 'bob'],
  ['StringNotEqualsIgnoreCase', 'Alice', 'bob', 'aLiCe'],
  ['StringLike', 'home/*/a?c', 'home/x/y/abc', 'Home/x/abc'],
  ['StringNotLike', 'home/*', 'work/x', 'home/x'],
  ['NumericEquals', '10', '10.0', '11'],
  ['NumericEquals', '10', '10', 'ten'],
  ['NumericNotEquals', '10', '11', '10'],
  ['NumericLessThan', '10', '9.5', '10'],
  ['NumericLessThanEquals', '10', '10', '11'],
  ['NumericGreaterThan', '10', '11', '10'],
  ['NumericGreaterThanEquals', '10', '10', '9'],
  ['DateEquals', '2026-01-01T00:00:00Z', '1767225600', '2026-01-02T00:00:00Z'],
  ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '1767225600'],
  ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z'],
  ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'],
  ['DateGreaterThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-01'],
  ['DateGreaterThanEquals', '2026-01-01', '2026-01-01T00:00:00Z', 'yesterday'],
  ['Bool', 'true', 'TRUE', 'false'],
  ['Bool', 'false', 'false', 'no'],
  ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'T3RoZXI='],
  ['IpAddress', '203.0.113.0/24', '203.0.113.5', '198.51.100.1'],
  ['IpAddress', '2001:db8::/32', '2001:db8::1', '2001:db9::1'],
  ['IpAddress', '203.0.113.0/24', '::ffff:203.0.113.5', 'not-an-address'],
  ['IpAddress', '203.0.113.5', '203.0.113.5', '203.0.113.6'],
  ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', '203.0.113.200'],
  ['ArnEquals', 'arn:aws:sns:*:111122223333:topic', 'arn:aws:sns:eu-west-1:111122223333:topic', 'arn:aws:sns:eu-west-1:444455556666:topic'],
  ['ArnLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b', 'arn:aws:s3:::other/a'],
  ['ArnLike', 'arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::111122223333:role/admin'],
  ['ArnLike', 'arn:aws:logs:*:*:log-group:app:*', 'arn:aws:logs:eu-west-1:111122223333:log-group:app:log-stream:x', 'arn:aws:logs:eu-west-1:111122223333:log-group:other:*'],
  ['ArnNotEquals', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sns:eu-west-1:444455556666:topic', 'arn:aws:sns:eu-west-1:111122223333:topic'],
  ['ArnNotLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/a', 'arn:aws:s3:::bucket/a'],
];

describe('condition operators', () => {
  it('implements every operator of the condition operators page', () => {
    expect(CONDITION_OPERATORS.map((operator) => operator.name).sort()).toEqual(
      [
        'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
        'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
        'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
        'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
      ].sort(),
    );
    expect(new Set(OPERATOR_TABLE.map(([operator]) => operator)).size).toBe(CONDITION_OPERATORS.length - 1);
  });

  it.each(OPERATOR_TABLE)('%s %s admits %s and refuses %s', (operator, listed, admitted, refused) => {
    expect(holds(operator, listed, admitted)).toBe(true);
    expect(holds(operator, listed, refused)).toBe(false);
  });

  it('ORs the listed values: one that matches is enough (for a negated operator, none may match)', () => {
    expect(holds('StringEquals', ['bob', 'alice'], 'alice')).toBe(true);
    expect(holds('StringNotEquals', ['bob', 'alice'], 'alice')).toBe(false);
    expect(holds('StringNotEquals', ['bob', 'alice'], 'carol')).toBe(true);
  });

  it('never lets a wildcard span the fields of an ARN', () => {
    expect(holds('ArnLike', 'arn:aws:*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(holds('ArnLike', 'arn:*:s3:::bucket', 'arn:aws:s3:::bucket')).toBe(true);
    expect(holds('ArnLike', 'arn:aws:s3:::*', 'not an arn')).toBe(false);
  });

  it('looks operators up case-insensitively and knows which take variables and wildcards', () => {
    expect(conditionOperator('stringlike')).toMatchObject({ name: 'StringLike', family: 'string', negated: false, policyVariables: true, wildcards: true });
    expect(conditionOperator('STRINGEQUALS')).toMatchObject({ wildcards: false, policyVariables: true });
    expect(conditionOperator('arnequals')).toMatchObject({ family: 'arn', wildcards: true });
    expect(conditionOperator('numericlessthan')).toMatchObject({ policyVariables: false, wildcards: false });
    expect(conditionOperator('notipaddress')).toMatchObject({ family: 'ip', negated: true });
    expect(conditionOperator('StringEqualsAnyCase')).toBeUndefined();
  });

  it('reads dates in ISO 8601 and epoch seconds, nothing else', () => {
    expect(dateOf('1767225600')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(dateOf('2026-01-01T01:00:00+01:00')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(dateOf('January 1, 2026')).toBeNaN();
  });
});
