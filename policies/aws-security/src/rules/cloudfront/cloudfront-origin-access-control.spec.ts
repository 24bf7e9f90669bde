import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontDistribution } from '../../testing/cloudfront-test-program';
import { cloudfrontOriginAccessControl } from './cloudfront-origin-access-control';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const OAI_PATH = 'origin-access-identity/cloudfront/E2QWRUHAPOMQZL';

const detail = (message: string) => message.split('\n').pop();
const distribution = (origins: unknown[], name?: string) => resource(DISTRIBUTION, { origins }, { name });

describe('cloudfront-origin-access-control', () => {
  it('Compliance: S3 origins with OAC, and custom origins out of scope', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [
      distribution([
        { originId: 's3', domainName: 'assets.s3.eu-west-1.amazonaws.com', originAccessControlId: 'E1OAC' },
        // OAC alongside the empty s3OriginConfig that some programs keep.
        { originId: 's3-legacy-shape', domainName: 'assets.s3.amazonaws.com', originAccessControlId: 'E1OAC', s3OriginConfig: { originAccessIdentity: '' } },
        { originId: 'api', domainName: 'api.example.com', customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] } },
        { originId: 'site', domainName: 'site.s3-website-eu-west-1.amazonaws.com', customOriginConfig: { originProtocolPolicy: 'http-only' } },
        { originId: 'vpc', domainName: 'internal.example.com', vpcOriginConfig: { vpcOriginId: 'vo_1' } },
      ]),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: an S3 origin with only a legacy origin access identity', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [
      distribution([{ originId: 's3', domainName: 'assets.s3.amazonaws.com', s3OriginConfig: { originAccessIdentity: OAI_PATH } }], 'cdn'),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'cloudfront-origin-access-control', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::cdn');
    expect(detail(findings[0].message)).toBe(
      '`origins[0]` (originId "s3", domain "assets.s3.amazonaws.com") uses a legacy origin access identity ' +
        '(`s3OriginConfig.originAccessIdentity`) and no `originAccessControlId`; create an `aws.cloudfront.OriginAccessControl`, ' +
        'set `originAccessControlId` and remove the identity.',
    );
  });

  it('Noncompliance 2: an S3 REST endpoint with no access control at all, even declared as a custom origin', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [
      distribution([
        { originId: 'ok', domainName: 'ok.s3.amazonaws.com', originAccessControlId: 'E1OAC' },
        { originId: 'raw', domainName: 'raw.s3-us-west-2.amazonaws.com', customOriginConfig: { originProtocolPolicy: 'https-only' } },
      ]),
    ]);
    expect(findings).toHaveLength(1);
    expect(detail(findings[0].message)).toContain('`origins[1]` (originId "raw", domain "raw.s3-us-west-2.amazonaws.com") is an S3 origin with no `originAccessControlId`');
  });

  it('Noncompliance 3: a non-S3 domain declared with s3OriginConfig is still an S3 origin', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [
      distribution([{ originId: 'cname', domainName: 'static.example.com', s3OriginConfig: { originAccessIdentity: OAI_PATH } }]),
    ]);
    expect(detail(findings[0].message)).toContain('uses a legacy origin access identity');
  });

  it('Noncompliance 4: an origin with no custom or VPC config is sent to CloudFront as an S3 origin', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [distribution([{ originId: 'bare', domainName: 'files.example.com' }])]);
    expect(detail(findings[0].message)).toContain('`origins[0]` (originId "bare", domain "files.example.com") is an S3 origin');
  });

  it('Preview: an unknown domain decides by the origin configuration; unknown OAC counts as set', async () => {
    const findings = await evaluate(cloudfrontOriginAccessControl, [
      distribution([{ originId: 's3', domainName: UNKNOWN_VALUE, originAccessControlId: UNKNOWN_VALUE }]),
      distribution([{ originId: 'alb', domainName: UNKNOWN_VALUE, customOriginConfig: { originProtocolPolicy: 'https-only' } }]),
      distribution([{ originId: 'alb', domainName: UNKNOWN_VALUE, customOriginConfig: UNKNOWN_VALUE }]),
      resource(DISTRIBUTION, { origins: UNKNOWN_VALUE }),
      distribution([UNKNOWN_VALUE]),
      distribution([{ originId: 'oai', domainName: UNKNOWN_VALUE, s3OriginConfig: { originAccessIdentity: UNKNOWN_VALUE } }], 'preview-oai'),
      distribution([{ originId: 'bare', domainName: UNKNOWN_VALUE }], 'preview-bare'),
    ]);
    expect(mandatory(findings).map((finding) => finding.urn?.split('::').pop()).sort()).toEqual(['preview-bare', 'preview-oai']);
    // Unknown origins are open; a custom origin with an unknown domain is taken as configured.
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['origins', 'origins[0]']);
    const bare = findings.find((finding) => finding.urn?.endsWith('::preview-bare'));
    expect(detail(bare?.message ?? '')).toContain('`origins[0]` (originId "bare", domain not known until the update) is an S3 origin');
  });

  it.each(['preview', 'update'] as const)('Program (%s): the same verdict with bucket domains unknown in preview', async (mode) => {
    const findings = await evaluateProgram(
      cloudfrontOriginAccessControl,
      () => {
        cloudfrontDistribution('with-oac', {});
        const legacyBucket = new aws.s3.Bucket('legacy-origin');
        const identity = new aws.cloudfront.OriginAccessIdentity('legacy-identity');
        cloudfrontDistribution('with-oai', {
          origins: [
            {
              originId: 's3',
              domainName: legacyBucket.bucketRegionalDomainName,
              // The path the provider computes as cloudfrontAccessIdentityPath, which the offline mocks leave unset.
              s3OriginConfig: { originAccessIdentity: pulumi.interpolate`origin-access-identity/cloudfront/${identity.id}` },
            },
          ],
        });
      },
      { mode, stackConfig: { 'aws:region': 'us-east-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['with-oai', 'cloudfront-origin-access-control', 'mandatory'],
    ]);
    expect(detail(findings[0].message)).toContain('uses a legacy origin access identity');
  });
});
