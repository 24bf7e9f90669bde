import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketTlsOnly } from './s3-bucket-tls-only';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const POLICY = 'aws:s3/bucketPolicy:BucketPolicy';

const tlsDeny = (name: string, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      ...extra,
    },
  ],
});

describe('s3-bucket-tls-only', () => {
  it('Compliance: a BucketPolicy (linked by dependency or name) or inline policy with the deny', async () => {
    const a = resource(BUCKET, { bucket: 'a' });
    const findings = await evaluate(s3BucketTlsOnly, [
      a,
      resource(POLICY, { bucket: UNKNOWN_VALUE, policy: JSON.stringify(tlsDeny('a')) }, { dependsOn: { bucket: [a] } }),
      resource(BUCKET_V2, { bucket: 'b' }),
      resource(POLICY, { bucket: 'b', policy: tlsDeny('b', { Principal: { AWS: '*' }, Action: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': false } } }) }),
      resource(BUCKET, { bucket: 'c', policy: JSON.stringify(tlsDeny('c', { Resource: '*' })) }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a bucket with no policy', async () => {
    const bucket = resource(BUCKET, { bucket: 'open' }, { name: 'open' });
    expect(await evaluate(s3BucketTlsOnly, [bucket])).toEqual([
      expect.objectContaining({ policy: 's3-bucket-tls-only', enforcement: 'mandatory', urn: bucket.urn, message: expect.stringContaining('Bucket open has no bucket policy that Denies s3:*') }),
    ]);
  });

  it.each([
    ['an Allow', { Effect: 'Allow' }],
    ['only bucket/* (not the bucket itself)', { Resource: 'arn:aws:s3:::x/*' }],
    ['only some actions', { Action: 's3:GetObject' }],
    ['a named principal', { Principal: { AWS: 'arn:aws:iam::111122223333:root' } }],
    ['SecureTransport true', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
    ['another bucket', { Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] }],
  ])('Noncompliance 2: the policy statement is %s', async (_label, extra) => {
    const bucket = resource(BUCKET, { bucket: 'x' }, { name: 'x' });
    const findings = await evaluate(s3BucketTlsOnly, [bucket, resource(POLICY, { bucket: 'x', policy: JSON.stringify(tlsDeny('x', extra)) })]);
    expect(findings).toEqual([expect.objectContaining({ urn: bucket.urn, message: expect.stringContaining('Bucket x has no bucket policy statement that Denies') })]);
  });

  it('Noncompliance 3: an invalid policy document protects nothing', async () => {
    const bucket = resource(BUCKET, { bucket: 'x' });
    expect(await evaluate(s3BucketTlsOnly, [bucket, resource(POLICY, { bucket: 'x', policy: '{not json' })])).toHaveLength(1);
  });

  it('Preview: an unknown document, resource, condition or bucket name is undecided where it sits; nothing is blamed', async () => {
    const a = resource(BUCKET, { bucket: 'a' });
    const b = resource(BUCKET, { bucket: 'b' });
    const c = resource(BUCKET, { bucket: UNKNOWN_VALUE });
    const d = resource(BUCKET, { bucket: 'd' });
    const unknownDocument = resource(POLICY, { bucket: UNKNOWN_VALUE, policy: UNKNOWN_VALUE }, { dependsOn: { bucket: [a] } });
    const unknownResources = resource(POLICY, { bucket: 'b', policy: tlsDeny('b', { Resource: [UNKNOWN_VALUE, UNKNOWN_VALUE] }) });
    const unknownCondition = resource(POLICY, { bucket: 'd', policy: tlsDeny('d', { Condition: { Bool: { 'aws:SecureTransport': UNKNOWN_VALUE } } }) });
    const findings = await evaluate(s3BucketTlsOnly, [
      a,
      unknownDocument,
      b,
      unknownResources,
      c,
      resource(POLICY, { bucket: UNKNOWN_VALUE, policy: tlsDeny('c', { Resource: ['arn:aws:s3:::c', 'arn:aws:s3:::c/*'] }) }, { dependsOn: { bucket: [c] } }),
      d,
      unknownCondition,
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownDocument.urn, 'policy'],
      [unknownResources.urn, 'policy.Statement[0].Resource'],
      [c.urn, 'bucket'],
      [unknownCondition.urn, 'policy.Statement[0].Condition'],
    ]);
  });

  describe('on a program', () => {
    const program = () => {
      const safe = new aws.s3.Bucket('safe');
      new aws.s3.BucketPolicy('safe-policy', {
        bucket: safe.id,
        policy: pulumi.jsonStringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [safe.arn, pulumi.interpolate`${safe.arn}/*`],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      });
      const loose = new aws.s3.Bucket('loose');
      new aws.s3.BucketPolicy('loose-policy', {
        bucket: loose.id,
        policy: pulumi.jsonStringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: pulumi.interpolate`${loose.arn}/*` }] }),
      });
    };

    it('flags the bucket whose policy lacks the deny in an update', async () => {
      const findings = await evaluateProgram(s3BucketTlsOnly, program, { mode: 'update' });
      expect(findings).toEqual([expect.objectContaining({ enforcement: 'mandatory', message: expect.stringContaining('Bucket loose has no bucket policy statement') })]);
    });

    it('in a preview, where both policies are unknown JSON, reports both undecided and blames no bucket', async () => {
      // Policies built from bucket.arn are unknown until the bucket exists: only the update decides.
      const findings = await evaluateProgram(s3BucketTlsOnly, program, { mode: 'preview' });
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn?.split('::').pop(), finding.property])).toEqual([
        ['safe-policy', 'policy'],
        ['loose-policy', 'policy'],
      ]);
    });

    it.each(['preview', 'update'] as const)('gives the same verdict in %s for a bucket with no policy', async (mode) => {
      const findings = await evaluateProgram(s3BucketTlsOnly, () => {
        new aws.s3.Bucket('bare');
      }, { mode });
      expect(findings).toEqual([expect.objectContaining({ enforcement: 'mandatory', message: expect.stringContaining('Bucket bare has no bucket policy') })]);
    });
  });
});
