import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
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

  describe('conditions that only look restricting (issue 16)', () => {
    it.each([
      ['StringEquals aws:SourceVpce on one endpoint', { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } }],
      ['ForAnyValue:StringLike aws:PrincipalOrgPaths under one organisation', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/*' } }],
      ['ArnLike aws:SourceArn on one account\'s distributions', { ArnLike: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/*' } }],
      ['StringEquals s3:DataAccessPointAccount (access control delegated to access points)', { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } }],
    ])('Compliance: %s', async (_label, condition) => {
      expect(await evaluate(s3BucketNoPublicPolicy, [resource(POLICY, { bucket: 'b', policy: publicRead({ Condition: condition }) })])).toEqual([]);
    });

    it.each([
      ['StringLike aws:SourceVpce "*"', { StringLike: { 'aws:SourceVpce': '*' } }, 'StringLike aws:sourcevpce "*" names no known aws:sourcevpce'],
      ['StringEqualsIfExists aws:PrincipalOrgID (anonymous callers carry none)', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, 'is true when the caller\'s request carries no aws:principalorgid'],
      ['ArnLike aws:SourceArn with a wildcard account', { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*:distribution/*' } }, 'names no known aws:sourcearn'],
      ['ForAllValues:StringEquals aws:SourceVpce', { 'ForAllValues:StringEquals': { 'aws:SourceVpce': 'vpce-0a1b2c3d' } }, 'is true when the request carries no aws:sourcevpce'],
      ['StringEquals aws:ResourceAccount (the bucket\'s own account)', { StringEquals: { 'aws:ResourceAccount': '111122223333' } }, 'with no restricting condition:'],
    ])('Noncompliance: %s', async (_label, condition, why) => {
      const policy = resource(POLICY, { bucket: 'b', policy: publicRead({ Condition: condition }) });
      const findings = await evaluate(s3BucketNoPublicPolicy, [policy]);
      expect(mandatory(findings).map((finding) => finding.urn)).toEqual([policy.urn]);
      expect(findings[0].message).toContain(why);
    });
  });

  it('Preview: unknown documents, principals, ACLs and grants decide nothing, and each is reported undecided', async () => {
    const unknownDocument = resource(POLICY, { bucket: UNKNOWN_VALUE, policy: UNKNOWN_VALUE });
    const unknownPrincipal = resource(POLICY, { bucket: 'b', policy: publicRead({ Principal: UNKNOWN_VALUE }) });
    const unknownBucketAcl = resource(BUCKET, { acl: UNKNOWN_VALUE, grants: UNKNOWN_VALUE });
    const unknownAclPolicy = resource(ACL, { bucket: 'b', accessControlPolicy: UNKNOWN_VALUE });
    const findings = await evaluate(s3BucketNoPublicPolicy, [
      unknownDocument,
      unknownPrincipal,
      // A computed aws:SourceArn is an ARN once known, never a wildcard: the statement is decided, restricted.
      resource(POLICY, { bucket: 'b', policy: publicRead({ Condition: { ArnEquals: { 'aws:SourceArn': UNKNOWN_VALUE } } }) }),
      unknownBucketAcl,
      unknownAclPolicy,
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(findings.every((finding) => finding.enforcement === 'advisory')).toBe(true);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownDocument.urn, 'policy'],
      [unknownPrincipal.urn, 'policy.Statement[0].Principal'],
      [unknownBucketAcl.urn, 'acl'],
      [unknownBucketAcl.urn, 'grants'],
      [unknownAclPolicy.urn, 'accessControlPolicy'],
    ]);
    expect(findings[0].message).toContain('s3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply');
  });

  it('Preview: a policy built from bucket.arn is undecided in a first preview and a violation in the update', async () => {
    const program = () => {
      const bucket = new aws.s3.BucketV2('site');
      new aws.s3.BucketPolicy('site', {
        bucket: bucket.id,
        policy: pulumi.jsonStringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: pulumi.interpolate`${bucket.arn}/*` }],
        }),
      });
    };
    const preview = await evaluateProgram(s3BucketNoPublicPolicy, program, { mode: 'preview' });
    expect(mandatory(preview)).toEqual([]);
    expect(undecided(preview).map((finding) => [finding.urn?.split('::').pop(), finding.property, finding.enforcement])).toEqual([['site', 'policy', 'advisory']]);
    const update = await evaluateProgram(s3BucketNoPublicPolicy, program, { mode: 'update' });
    expect(mandatory(update).map((finding) => finding.urn?.split('::').pop())).toEqual(['site']);
    expect(undecided(update)).toEqual([]);
  });

  it('Preview: a known public statement next to unknown ones is still reported, and is the verdict', async () => {
    const policy = resource(POLICY, { bucket: 'b', policy: { Statement: [UNKNOWN_VALUE, publicRead().Statement[0]] } });
    expect((await evaluate(s3BucketNoPublicPolicy, [policy])).map((finding) => finding.urn)).toEqual([policy.urn]);
  });

  it('Preview: an unknown statement beside decided ones is undecided; a waiver covers it like any finding', async () => {
    const policy = resource(POLICY, { bucket: 'b', policy: { Statement: [UNKNOWN_VALUE, publicRead({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }).Statement[0]] } });
    const findings = await evaluate(s3BucketNoPublicPolicy, [policy], { waivers: (rule, _urn, name) => (rule === 's3-bucket-no-public-policy' && name === policy.name ? 'reviewed (platform, expires 2030-01-01)' : undefined) });
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['policy.Statement']);
    expect(findings[0].message.split('\n').slice(-1)).toEqual(['waived: reviewed (platform, expires 2030-01-01)']);
  });
});
