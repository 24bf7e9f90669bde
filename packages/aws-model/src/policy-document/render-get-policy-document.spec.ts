import { renderGetPolicyDocument } from './render-get-policy-document';

const json = (args: Record<string, unknown>) => JSON.parse(String(renderGetPolicyDocument(args)['json']));

describe('renderGetPolicyDocument', () => {
  it('writes statement blocks as IAM JSON, single values without the list', () => {
    expect(
      json({
        statements: [
          {
            sid: 'Read',
            actions: ['s3:GetObject'],
            resources: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'],
            principals: [{ type: 'Service', identifiers: ['cloudtrail.amazonaws.com'] }],
            conditions: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111122223333'] }],
          },
        ],
      }),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'],
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    });
  });

  it('writes a wildcard principal as "*", and NotAction / NotPrincipal as such', () => {
    expect(json({ statements: [{ effect: 'Deny', notActions: ['iam:*'], notPrincipals: [{ type: 'AWS', identifiers: ['a', 'b'] }] }] })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotAction: 'iam:*', NotPrincipal: { AWS: ['a', 'b'] } }],
    });
    expect(json({ statements: [{ principals: [{ type: '*', identifiers: ['*'] }] }] }).Statement[0].Principal).toBe('*');
  });

  it('merges source documents first and override documents last, by Sid', () => {
    const source = JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Allow', Action: 'a:1' }, { Sid: 'B', Effect: 'Allow', Action: 'b:1' }] });
    const override = JSON.stringify({ Statement: { Sid: 'B', Effect: 'Deny', Action: 'b:2' } });
    const result = json({ sourcePolicyDocuments: [source], statements: [{ sid: 'A', actions: ['a:2'] }], overridePolicyDocuments: [override], policyId: 'doc' });
    expect(result).toEqual({
      Version: '2012-10-17',
      Id: 'doc',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 'a:2' },
        { Sid: 'B', Effect: 'Deny', Action: 'b:2' },
      ],
    });
  });

  it('gives the minified JSON and a stable id', () => {
    const first = renderGetPolicyDocument({ statements: [{ actions: ['s3:*'] }] });
    expect(first['minifiedJson']).toBe(JSON.stringify(JSON.parse(String(first['json']))));
    expect(renderGetPolicyDocument({ statements: [{ actions: ['s3:*'] }] })['id']).toBe(first['id']);
  });
});
