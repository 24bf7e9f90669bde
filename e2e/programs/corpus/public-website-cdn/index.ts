// The tutorial pattern for a static website: S3 website hosting needs anonymous reads, so the public access block
// is switched off and a bucket policy grants s3:GetObject to everyone; CloudFront fronts the website endpoint as a
// custom origin over HTTP and accepts HTTP from viewers. Nothing is encrypted with a customer key, versioned,
// logged or tagged, and no WAF sits in front. Expected: the S3 rules, CloudFront HTTPS and WAF, and tags.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const indexDocument = config.get('indexDocument') ?? 'index.html';

const site = new aws.s3.Bucket('site');

new aws.s3.BucketWebsiteConfiguration('site', {
  bucket: site.id,
  indexDocument: { suffix: indexDocument },
  errorDocument: { key: '404.html' },
});

const openToPolicies = new aws.s3.BucketPublicAccessBlock('site', {
  bucket: site.id,
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
});

new aws.s3.BucketPolicy(
  'public-read',
  {
    bucket: site.id,
    policy: site.arn.apply((arn) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`${arn}/*`] }],
      }),
    ),
  },
  { dependsOn: [openToPolicies] },
);

for (const [key, body] of Object.entries({ [indexDocument]: '<h1>Hello</h1>', '404.html': '<h1>Not found</h1>' })) {
  new aws.s3.BucketObjectv2(key, { bucket: site.id, key, content: body, contentType: 'text/html' });
}

const cdn = new aws.cloudfront.Distribution('cdn', {
  enabled: true,
  origins: [
    {
      originId: 'website',
      domainName: site.websiteEndpoint,
      customOriginConfig: { originProtocolPolicy: 'http-only', httpPort: 80, httpsPort: 443, originSslProtocols: ['TLSv1.2'] },
    },
  ],
  defaultCacheBehavior: {
    targetOriginId: 'website',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
    cachedMethods: ['GET', 'HEAD'],
    forwardedValues: { queryString: false, cookies: { forward: 'none' } },
    minTtl: 0,
    defaultTtl: 3600,
    maxTtl: 86400,
  },
  restrictions: { geoRestriction: { restrictionType: 'none' } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
});

export const websiteUrl = site.websiteEndpoint;
export const cdnUrl = cdn.domainName;
