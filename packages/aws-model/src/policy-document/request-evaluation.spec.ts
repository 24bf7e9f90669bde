import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { describeRequest, evaluateParsedPolicies, evaluatePolicies, evaluatePolicy, parseForEvaluation, type PolicyRequest } from './request-evaluation';

const ACCOUNT = '111122223333';
const BUCKET = 'arn:aws:s3:::trail-logs';
const OBJECT = `${BUCKET}/AWSLogs/${ACCOUNT}/file.json.gz`;
const TRAIL = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/audit`;

/** CloudTrail writing a log file, as the CloudTrail guide describes the request. */
const putObject: PolicyRequest = {
  principal: { kind: 'service', service: 'cloudtrail.amazonaws.com' },
  action: 's3:PutObject',
  resource: OBJECT,
  context: { 'aws:SourceArn': TRAIL, 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SecureTransport': 'true' },
};

const allowTrail = { Sid: 'AllowTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `${BUCKET}/*` };
const denyInsecure = { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
const document = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

describe('evaluatePolicies: the evaluation order of the IAM policy evaluation logic', () => {
  it.each([
    ['1. no statement: implicitly denied', [document()], 'implicitly-denied'],
    ['2. an Allow that applies: allowed', [document(allowTrail)], 'allowed'],
    ['3. an explicit Deny wins over an Allow, in either order', [document({ ...allowTrail, Effect: 'Deny' }, allowTrail)], 'explicitly-denied'],
    ['3. ... and from another document of the set', [document(allowTrail), JSON.stringify(document({ ...allowTrail, Effect: 'Deny' }))], 'explicitly-denied'],
    ['4. a Deny whose condition fails does not apply', [document(denyInsecure, allowTrail)], 'allowed'],
    ['5. an Allow for another action does not apply', [document({ ...allowTrail, Action: 's3:GetObject' })], 'implicitly-denied'],
    ['5. ... nor one for another principal', [document({ ...allowTrail, Principal: { Service: 'config.amazonaws.com' } })], 'implicitly-denied'],
    ['5. ... nor one for another resource', [document({ ...allowTrail, Resource: 'arn:aws:s3:::other/*' })], 'implicitly-denied'],
    ['5. ... nor one whose condition fails', [document({ ...allowTrail, Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } })], 'implicitly-denied'],
    ['6. an absent or invalid document allows nothing', [undefined, 'not json', document(allowTrail).Statement], 'implicitly-denied'],
  ] as const)('%s', (_label, documents, verdict) => {
    expect(evaluatePolicies(documents, putObject)).toBe(verdict);
    // Parsed once beforehand (a rule asking many requests of the same documents), the verdict is the same.
    expect(evaluateParsedPolicies(documents.map(parseForEvaluation), putObject)).toBe(verdict);
  });

  it('evaluates one document alone', () => {
    expect(evaluatePolicy(JSON.stringify(document(allowTrail)), putObject)).toBe('allowed');
  });
});

describe('evaluatePolicies: unknown values (a first preview)', () => {
  it.each([
    ['an unknown document beside an Allow: it could deny', [document(allowTrail), UNKNOWN_VALUE], UNDECIDED],
    ['an unknown document beside a Deny: the Deny decides', [document({ ...allowTrail, Effect: 'Deny' }), UNKNOWN_VALUE], 'explicitly-denied'],
    ['an unknown document alone', [UNKNOWN_VALUE], UNDECIDED],
    ['a document not known yet (UNDECIDED)', [UNDECIDED], UNDECIDED],
    ['an unknown statement list', [{ Version: '2012-10-17', Statement: UNKNOWN_VALUE }], UNDECIDED],
    ['an unknown statement beside an Allow', [document(allowTrail, UNKNOWN_VALUE)], UNDECIDED],
    ['an unknown Effect on a statement that applies', [document({ ...allowTrail, Effect: UNKNOWN_VALUE })], UNDECIDED],
    ['an unknown Effect on a statement that does not apply', [document({ ...allowTrail, Effect: UNKNOWN_VALUE, Action: 's3:GetObject' }, allowTrail)], 'allowed'],
    ['an undecided Deny beside an Allow', [document({ ...denyInsecure, Condition: { Bool: { 'aws:SecureTransport': UNKNOWN_VALUE } } }, allowTrail)], UNDECIDED],
    ['an undecided Deny and nothing that allows: refused either way', [document({ ...denyInsecure, Condition: UNKNOWN_VALUE })], 'implicitly-denied'],
    ['an unknown principal entry beside a matching one', [document({ ...allowTrail, Principal: { Service: [UNKNOWN_VALUE, 'cloudtrail.amazonaws.com'] } })], 'allowed'],
    ['an unknown principal entry alone', [document({ ...allowTrail, Principal: { Service: [UNKNOWN_VALUE] } })], UNDECIDED],
    ['an unknown resource entry', [document({ ...allowTrail, Resource: [UNKNOWN_VALUE] })], UNDECIDED],
    ['an unknown condition value on an Allow', [document({ ...allowTrail, Condition: { ArnEquals: { 'aws:SourceArn': UNKNOWN_VALUE } } })], UNDECIDED],
  ] as const)('%s', (_label, documents, verdict) => {
    expect(evaluatePolicies(documents, putObject)).toBe(verdict);
    // Parsed once beforehand (a rule asking many requests of the same documents), the verdict is the same.
    expect(evaluateParsedPolicies(documents.map(parseForEvaluation), putObject)).toBe(verdict);
  });

  it('is UNDECIDED for a request value that is unknown, unless a known value decides', () => {
    const request = { ...putObject, context: { ...putObject.context, 'aws:SourceArn': UNKNOWN_VALUE } };
    expect(evaluatePolicy(document({ ...allowTrail, Condition: { ArnLike: { 'aws:SourceArn': TRAIL } } }), request)).toBe(UNDECIDED);
    expect(evaluatePolicy(document(allowTrail), request)).toBe('allowed');
  });
});

describe('evaluatePolicies: principals', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
  const keyPolicy = (principal: unknown) => document({ Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*' });
  const asRole = (viaIdentityPolicies: boolean): PolicyRequest => ({ principal: { kind: 'iam', arn: role, account: ACCOUNT, viaIdentityPolicies }, action: 'kms:Decrypt', context: {} });

  it('admits an IAM principal named by its ARN', () => {
    expect(evaluatePolicy(keyPolicy({ AWS: role }), asRole(false))).toBe('allowed');
  });

  it('admits it through its account only when its own identity policies can grant the action', () => {
    expect(evaluatePolicy(keyPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), asRole(true))).toBe('allowed');
    expect(evaluatePolicy(keyPolicy({ AWS: ACCOUNT }), asRole(true))).toBe('allowed');
    expect(evaluatePolicy(keyPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), asRole(false))).toBe('implicitly-denied');
    expect(evaluatePolicy(keyPolicy({ AWS: 'arn:aws:iam::444455556666:root' }), asRole(true))).toBe('implicitly-denied');
  });

  it('admits everyone through "*", and everyone not listed through NotPrincipal', () => {
    expect(evaluatePolicy(keyPolicy('*'), asRole(false))).toBe('allowed');
    expect(evaluatePolicy(document({ Effect: 'Allow', NotPrincipal: { AWS: role }, Action: 'kms:*', Resource: '*' }), asRole(false))).toBe('implicitly-denied');
    expect(evaluatePolicy(document({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }), asRole(false))).toBe('allowed');
  });

  it('applies only statements without a principal element to the caller of identity policies', () => {
    const caller: PolicyRequest = { principal: { kind: 'caller', description: 'role flow-logs' }, action: 'logs:PutLogEvents', resource: 'arn:aws:logs:eu-west-1:111122223333:log-group:x:log-stream:y', context: {} };
    expect(evaluatePolicy(document({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }), caller)).toBe('allowed');
    expect(evaluatePolicy(document({ Effect: 'Allow', Principal: '*', Action: 'logs:PutLogEvents', Resource: '*' }), caller)).toBe('implicitly-denied');
  });

  it('adds the principal\'s own global keys to the context, unless the request sets them', () => {
    const denyOthers = { Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } } };
    expect(evaluatePolicy(document(denyOthers, { ...denyOthers, Effect: 'Allow', Condition: undefined }), asRole(false))).toBe('allowed');
    const serviceOnly = { Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: `${BUCKET}/*`, Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } };
    expect(evaluatePolicy(document(serviceOnly), putObject)).toBe('allowed');
    expect(evaluatePolicy(document(serviceOnly), { ...putObject, context: { 'aws:PrincipalIsAWSService': 'false' } })).toBe('implicitly-denied');
  });
});

describe('evaluatePolicies: resources', () => {
  it('applies a statement without a Resource element (a trust policy) to the resource it is attached to', () => {
    const trust = document({ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(evaluatePolicy(trust, { principal: { kind: 'service', service: 'vpc-flow-logs.amazonaws.com' }, action: 'sts:AssumeRole', context: {} })).toBe('allowed');
  });

  it('relies only on "*" when the request names no resource (a key policy names its key as *)', () => {
    const request: PolicyRequest = { principal: { kind: 'service', service: 'cloudtrail.amazonaws.com' }, action: 'kms:DescribeKey', context: {} };
    expect(evaluatePolicy(document({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }), request)).toBe('allowed');
    expect(evaluatePolicy(document({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: 'arn:aws:kms:*:*:key/*' }), request)).toBe(UNDECIDED);
  });

  it('covers everything NotResource leaves out', () => {
    const { Resource: _resource, ...anyResource } = allowTrail;
    expect(evaluatePolicy(document({ ...anyResource, NotResource: 'arn:aws:s3:::other/*' }), putObject)).toBe('allowed');
    expect(evaluatePolicy(document({ ...anyResource, NotResource: `${BUCKET}/*` }), putObject)).toBe('implicitly-denied');
  });

  it('replaces policy variables in resources of 2012-10-17 documents', () => {
    const own = { Effect: 'Allow', Action: 'iam:EnableMFADevice', Resource: 'arn:aws:iam::*:user/${aws:username}' };
    const request: PolicyRequest = { principal: { kind: 'caller', description: 'IAM user alice' }, action: 'iam:EnableMFADevice', resource: `arn:aws:iam::${ACCOUNT}:user/alice`, context: { 'aws:username': 'alice' } };
    expect(evaluatePolicy(document(own), request)).toBe('allowed');
    expect(evaluatePolicy(document(own), { ...request, context: { 'aws:username': 'bob' } })).toBe('implicitly-denied');
    expect(evaluatePolicy({ Version: '2008-10-17', Statement: own }, request)).toBe('implicitly-denied');
  });
});

describe('describeRequest', () => {
  it('names the principal, action, resource and context', () => {
    expect(describeRequest(putObject)).toBe(
      `cloudtrail.amazonaws.com calling s3:PutObject on ${OBJECT} with aws:SourceArn=${TRAIL}, s3:x-amz-acl=bucket-owner-full-control, aws:SecureTransport=true`,
    );
    expect(describeRequest({ principal: { kind: 'iam', account: ACCOUNT, viaIdentityPolicies: true }, action: 'kms:CreateGrant', context: { 'kms:ViaService': ['a', 'b'] } })).toBe(
      `a principal of account ${ACCOUNT} calling kms:CreateGrant with kms:ViaService=a|b`,
    );
    expect(describeRequest({ principal: { kind: 'caller', description: 'role x' }, action: 'logs:PutLogEvents', context: {} })).toBe('role x calling logs:PutLogEvents with no condition keys');
  });
});
