import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { contextValues, evaluateCondition, evaluateConditions, holdsWithoutKey, type RequestContext } from './condition-evaluation';
import { parsePolicyDocument, statementsOf, type PolicyCondition, type PolicyStatement } from './parse';

function statement(condition: unknown, version = '2012-10-17'): PolicyStatement {
  const [parsed] = statementsOf(parsePolicyDocument({ Version: version, Statement: { Effect: 'Allow', Condition: condition } }));
  return parsed as PolicyStatement;
}

const only = (operator: string, key: string, listed: unknown): PolicyCondition => statement({ [operator]: { [key]: listed } }).conditions[0] as PolicyCondition;
const holds = (condition: unknown, context: RequestContext, version = '2012-10-17') =>
  evaluateConditions(statement(condition, version), contextValues(context), { policyVariables: version === '2012-10-17' });

describe('evaluateCondition: a key the request does not carry', () => {
  it.each([
    ['StringEquals', false],
    ['ArnLike', false],
    ['NumericLessThan', false],
    ['Bool', false],
    ['IpAddress', false],
    ['StringNotEquals', true],
    ['ArnNotLike', true],
    ['NotIpAddress', true],
    ['StringEqualsIfExists', true],
    ['BoolIfExists', true],
    ['ForAllValues:StringEquals', true],
    ['ForAnyValue:StringEquals', false],
    ['ForAnyValue:StringNotEquals', false],
  ] as const)('%s holds: %s', (operator, expected) => {
    const condition = only(operator, 'test:key', 'value');
    expect(evaluateCondition(condition, contextValues({}))).toBe(expected);
    expect(holdsWithoutKey(condition)).toBe(expected);
    // an empty list of request values is no value at all
    expect(evaluateCondition(condition, contextValues({ 'test:key': [] }))).toBe(expected);
  });

  it('Null tests presence alone', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(false);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': 'anything' })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, {})).toBe(false);
    // presence is known even when the value is not
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': UNKNOWN_VALUE })).toBe(true);
  });

  it('applies IfExists only to absence: a present key is tested', () => {
    expect(holds({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } }, { 'aws:SourceVpce': 'vpce-2' })).toBe(false);
    expect(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { 'aws:MultiFactorAuthPresent': 'true' })).toBe(false);
  });
});

describe('evaluateCondition: set operators on multivalued keys', () => {
  it.each([
    ['ForAllValues:StringEquals', ['a', 'b'], ['a'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
    ['ForAnyValue:StringEquals', ['a', 'b'], ['c', 'a'], true],
    ['ForAnyValue:StringEquals', ['a', 'b'], ['c'], false],
    ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['a', 'c'], false],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'c'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
    ['ForAllValues:StringLike', ['Created*'], ['CreatedBy', 'CreatedAt'], true],
    ['ForAnyValue:ArnLike', ['arn:aws:iam::111122223333:role/*'], ['arn:aws:iam::444455556666:role/x', 'arn:aws:iam::111122223333:role/y'], true],
    ['StringEquals', ['a'], ['b', 'a'], true],
  ] as const)('%s %j against request values %j: %s', (operator, listed, requested, expected) => {
    expect(holds({ [operator]: { 'aws:TagKeys': listed } }, { 'aws:TagKeys': requested })).toBe(expected);
  });
});

describe('evaluateConditions: a block', () => {
  it('ANDs operators and keys, ORs the values of a key, and reads keys in any case', () => {
    const block = { StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'], 'AWS:SourceVpce': 'vpce-1' }, Bool: { 'aws:SecureTransport': 'true' } };
    expect(holds(block, { 'aws:sourceaccount': '444455556666', 'aws:SourceVpce': 'vpce-1', 'aws:SecureTransport': 'true' })).toBe(true);
    expect(holds(block, { 'aws:SourceAccount': '444455556666', 'aws:SourceVpce': 'vpce-1', 'aws:SecureTransport': 'false' })).toBe(false);
    expect(holds(block, { 'aws:SourceAccount': '999999999999', 'aws:SourceVpce': 'vpce-1', 'aws:SecureTransport': 'true' })).toBe(false);
    expect(holds(undefined, {})).toBe(true);
  });

  it('replaces policy variables in 2012-10-17 documents only', () => {
    const block = { StringLike: { 's3:prefix': 'home/${aws:username}/*' } };
    expect(holds(block, { 's3:prefix': 'home/alice/notes', 'aws:username': 'alice' })).toBe(true);
    expect(holds(block, { 's3:prefix': 'home/bob/notes', 'aws:username': 'alice' })).toBe(false);
    // no value for the variable: the listed value matches nothing
    expect(holds(block, { 's3:prefix': 'home/alice/notes' })).toBe(false);
    expect(holds(block, { 's3:prefix': 'home/alice/notes', 'aws:username': 'alice' }, '2008-10-17')).toBe(false);
    expect(holds(block, { 's3:prefix': 'home/${aws:username}/notes', 'aws:username': 'alice' }, '2008-10-17')).toBe(true);
    // numeric operators take no variables: the text is not a number
    expect(holds({ NumericLessThan: { 's3:max-keys': '${aws:username}' } }, { 's3:max-keys': '10', 'aws:username': '20' })).toBe(false);
  });

  it('is UNDECIDED when an unknown decides, decided when a known value does', () => {
    expect(holds({ StringEquals: { 'aws:SourceAccount': UNKNOWN_VALUE } }, { 'aws:SourceAccount': '111122223333' })).toBe(UNDECIDED);
    expect(holds({ StringEquals: { 'aws:SourceAccount': [UNKNOWN_VALUE, '111122223333'] } }, { 'aws:SourceAccount': '111122223333' })).toBe(true);
    expect(holds({ StringEquals: { 'aws:SourceAccount': '111122223333' } }, { 'aws:SourceAccount': UNKNOWN_VALUE })).toBe(UNDECIDED);
    expect(holds({ StringNotEquals: { 'aws:SourceAccount': UNKNOWN_VALUE } }, { 'aws:SourceAccount': '111122223333' })).toBe(UNDECIDED);
    expect(holds(UNKNOWN_VALUE, {})).toBe(UNDECIDED);
    expect(holds({ StringEquals: UNKNOWN_VALUE, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' })).toBe(false);
    expect(holds({ StringEqualsAnyCase: { 'aws:SourceAccount': '1' } }, { 'aws:SourceAccount': '1' })).toBe(UNDECIDED);
  });
});
