import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketNoPublicPolicy } from './s3-bucket-no-public-policy';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const POLICY = 'aws:s3/bucketPolicy:BucketPolicy';
const ACL = 'aws:s3/bucketAcl:BucketAcl';
const ACL_V2 = 'aws:s3/bucketAclV2:BucketAclV2';

const publicRead = (extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', ...extra }],
});

describe('s3-bucket-no-public-policy', () => {
  it('Compliance: named principals, restricted public statements, private ACLs', async () => {
    const findings = await evaluate(s3BucketNoPublicPolicy, [
      resource(POLICY, { bucket: 'b', policy: JSON.stringify(publicRead({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })) }),
      resource(POLICY, { bucket: 'b', policy: publicRead({ Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }) }),
      resource(POLICY, { bucket: 'b', policy: publicRead({ Effect: 'Deny' }) }),
      resource(BUCKET, { bucket: 'b', acl: 'private' }),
      resource(ACL_V2, { bucket: 'b', acl: 'log-delivery-write' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a BucketPolicy statement allows Principal "*" (JSON string)', async () => {
    const policy = resource(POLICY, { bucket: 'site', policy: JSON.stringify(publicRead()) }, { name: 'site-policy' });
    expect(await evaluate(s3BucketNoPublicPolicy, [policy])).toEqual([
      expect.objectContaining({
        policy: 's3-bucket-no-public-policy',
        enforcement: 'mandatory',
        urn: policy.urn,
        message: expect.stringContaining('site-policy: `policy` statement 1 ("PublicRead") Allows Principal "*" with no restricting condition'),
      }),
    ]);
  });

  it('Noncompliance 2: {"AWS": "*"} in a legacy inline bucket policy, with a condition that does not restrict', async () => {
    const bucket = resource(BUCKET_V2, {
      policy: JSON.stringify(publicRead({ Principal: { AWS: ['*'] }, Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } })),
    });
    const findings = await evaluate(s3BucketNoPublicPolicy, [bucket]);
    expect(findings.map((finding) => finding.urn)).toEqual([bucket.urn]);
  });

  it('Noncompliance 3: a public canned ACL on a bucket or a BucketAcl', async () => {
    const bucket = resource(BUCKET, { acl: 'public-read' }, { name: 'web' });
    const acl = resource(ACL, { bucket: 'b', acl: 'authenticated-read' }, { name: 'acl' });
    const findings = await evaluate(s3BucketNoPublicPolicy, [bucket, acl]);
    expect(findings).toEqual([
      expect.objectContaining({ urn: bucket.urn, enforcement: 'mandatory', message: expect.stringContaining('web: `acl` is "public-read", a public canned ACL: use "private".') }),
      expect.objectContaining({ urn: acl.urn, enforcement: 'mandatory', message: expect.stringContaining('acl: `acl` is "authenticated-read", a public canned ACL') }),
    ]);
  });

  it('Noncompliance 4: an ACL grant to AllUsers', async () => {
    const acl = resource(ACL, {
      bucket: 'b',
      accessControlPolicy: { owner: { id: 'x' }, grants: [{ permission: 'READ', grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' } }] },
    });
    const findings = await evaluate(s3BucketNoPublicPolicy, [acl]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`accessControlPolicy.grants` grants access to the group http://acs.amazonaws.com/groups/global/AllUsers');
  });

  it('Preview: unknown documents, principals and conditions neither throw nor decide', async () => {
    const findings = await evaluate(s3BucketNoPublicPolicy, [
      resource(POLICY, { bucket: UNKNOWN_VALUE, policy: UNKNOWN_VALUE }),
      resource(POLICY, { bucket: 'b', policy: publicRead({ Principal: UNKNOWN_VALUE }) }),
      resource(POLICY, { bucket: 'b', policy: publicRead({ Condition: { ArnEquals: { 'aws:SourceArn': UNKNOWN_VALUE } } }) }),
      resource(BUCKET, { acl: UNKNOWN_VALUE, grants: UNKNOWN_VALUE }),
      resource(ACL, { bucket: 'b', accessControlPolicy: UNKNOWN_VALUE }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Preview: a known public statement next to unknown ones is still reported', async () => {
    const policy = resource(POLICY, { bucket: 'b', policy: { Statement: [UNKNOWN_VALUE, publicRead().Statement[0]] } });
    expect((await evaluate(s3BucketNoPublicPolicy, [policy])).map((finding) => finding.urn)).toEqual([policy.urn]);
  });
});
