/**
 * A CloudFront distribution for the rule specs' programs: a private S3 origin read through origin access
 * control over HTTPS, with the parts a test wants to vary passed in.
 */
import * as aws from '@pulumi/aws';

/** Declares a distribution whose S3 origin and behaviors are secure unless `overrides` says otherwise. */
export function cloudfrontDistribution(name: string, overrides: Partial<aws.cloudfront.DistributionArgs>): aws.cloudfront.Distribution {
  const bucket = new aws.s3.Bucket(`${name}-origin`);
  const accessControl = new aws.cloudfront.OriginAccessControl(`${name}-oac`, {
    originAccessControlOriginType: 's3',
    signingBehavior: 'always',
    signingProtocol: 'sigv4',
  });
  return new aws.cloudfront.Distribution(name, {
    enabled: true,
    origins: [{ originId: 's3', domainName: bucket.bucketRegionalDomainName, originAccessControlId: accessControl.id }],
    defaultCacheBehavior: {
      targetOriginId: 's3',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
    restrictions: { geoRestriction: { restrictionType: 'none' } },
    viewerCertificate: { cloudfrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1.2_2021' },
    ...overrides,
  });
}
