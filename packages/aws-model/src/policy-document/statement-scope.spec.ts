import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { contextValues } from './condition-evaluation';
import { parsePolicyDocument, statementsOf, type PolicyStatement } from './parse';
import { coversAction, coversResource } from './statement-scope';

function onlyStatement(document: unknown): PolicyStatement {
  const statements = statementsOf(parsePolicyDocument(document));
  expect(statements).toHaveLength(1);
  return statements[0] as PolicyStatement;
}

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

  it('is decided by a known entry whatever an unknown one would be', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Allow', Action: [UNKNOWN_VALUE, 's3:*'], NotResource: [UNKNOWN_VALUE, 'arn:aws:s3:::b'] } });
    expect(coversAction(statement, 's3:GetObject')).toBe(true);
    expect(coversResource(statement, 'arn:aws:s3:::b')).toBe(false);
    expect(coversResource(statement, 'arn:aws:s3:::c')).toBe(UNDECIDED);
  });

  it('matches resources case-sensitively', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Deny', Resource: ['arn:aws:s3:::logs/*'] } });
    expect(coversResource(statement, 'arn:aws:s3:::logs/a/b')).toBe(true);
    expect(coversResource(statement, 'arn:aws:s3:::LOGS/a')).toBe(false);
    expect(coversResource(statement, 'arn:aws:s3:::logs')).toBe(false);
  });

  it('covers nothing without the element or its Not form', () => {
    const statement = onlyStatement({ Statement: { Effect: 'Allow', Principal: '*' } });
    expect(coversAction(statement, 's3:GetObject')).toBe(false);
    expect(coversResource(statement, 'arn:aws:s3:::b')).toBe(false);
  });
});

describe('coversResource with policy variables', () => {
  const statement = onlyStatement({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::*:user/${aws:username}' } });

  it('replaces a variable from the request context', () => {
    expect(coversResource(statement, 'arn:aws:iam::111122223333:user/alice', contextValues({ 'aws:username': 'alice' }))).toBe(true);
    expect(coversResource(statement, 'arn:aws:iam::111122223333:user/bob', contextValues({ 'aws:username': 'alice' }))).toBe(false);
  });

  it('matches nothing when the variable has no value in the request', () => {
    expect(coversResource(statement, 'arn:aws:iam::111122223333:user/alice', contextValues({}))).toBe(false);
  });

  it('is UNDECIDED when the variable is an engine unknown', () => {
    expect(coversResource(statement, 'arn:aws:iam::111122223333:user/alice', contextValues({ 'aws:username': UNKNOWN_VALUE }))).toBe(UNDECIDED);
  });

  it('reads the variable as plain text without a context', () => {
    expect(coversResource(statement, 'arn:aws:iam::111122223333:user/${aws:username}')).toBe(true);
  });
});
