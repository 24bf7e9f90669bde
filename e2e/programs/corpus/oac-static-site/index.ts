// A static site the secure way: the content bucket stays private (all four public access block flags), encrypted
// with a customer managed key, versioned, logging to a separate log bucket, and readable only by one CloudFront
// distribution through Origin Access Control (a bucket policy for cloudfront.amazonaws.com conditioned on the
// distribution's ARN). The distribution redirects HTTP to HTTPS and sits behind a WAF web ACL with AWS managed rules
// and a rate limit. Every resource is tagged through the provider's defaultTags.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

/** The four public access block flags, all on. */
const allBlocked = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** A bucket policy statement denying any request not made over TLS. */
function denyInsecureTransport(bucket: aws.s3.Bucket) {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

// Server access logs: SSE-S3, as S3 server access logging requires of its target.
const logs = new aws.s3.Bucket('access-logs', { forceDestroy: true });
new aws.s3.BucketPublicAccessBlock('access-logs', { bucket: logs.id, ...allBlocked });
new aws.s3.BucketServerSideEncryptionConfiguration('access-logs', {
  bucket: logs.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
});
new aws.s3.BucketVersioning('access-logs', { bucket: logs.id, versioningConfiguration: { status: 'Enabled' } });
new aws.s3.BucketPolicy('access-logs', {
  bucket: logs.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(logs),
      {
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: pulumi.interpolate`${logs.arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  }),
});

const contentKey = new aws.kms.Key('content', { description: 'Encrypts the marketing site content', enableKeyRotation: true, deletionWindowInDays: 30 });

const content = new aws.s3.Bucket('content', { forceDestroy: true });
new aws.s3.BucketPublicAccessBlock('content', { bucket: content.id, ...allBlocked });
new aws.s3.BucketServerSideEncryptionConfiguration('content', {
  bucket: content.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: contentKey.arn }, bucketKeyEnabled: true }],
});
new aws.s3.BucketVersioning('content', { bucket: content.id, versioningConfiguration: { status: 'Enabled' } });
new aws.s3.BucketLogging('content', { bucket: content.id, targetBucket: logs.id, targetPrefix: 'content/' });
new aws.s3.BucketObjectv2('index.html', {
  bucket: content.id,
  key: 'index.html',
  content: '<!doctype html><title>Welcome</title><h1>Welcome</h1>',
  contentType: 'text/html',
});

const webAcl = new aws.wafv2.WebAcl('site', {
  scope: 'CLOUDFRONT',
  defaultAction: { allow: {} },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'site', sampledRequestsEnabled: true },
  rules: [
    {
      name: 'rate-limit',
      priority: 0,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'rate-limit', sampledRequestsEnabled: true },
    },
    ...['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'].map((name, index) => ({
      name,
      priority: index + 1,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
    })),
  ],
});

const originAccess = new aws.cloudfront.OriginAccessControl('content', {
  originAccessControlOriginType: 's3',
  signingBehavior: 'always',
  signingProtocol: 'sigv4',
});

const distribution = new aws.cloudfront.Distribution('site', {
  enabled: true,
  defaultRootObject: 'index.html',
  origins: [{ originId: 'content', domainName: content.bucketRegionalDomainName, originAccessControlId: originAccess.id }],
  defaultCacheBehavior: {
    targetOriginId: 'content',
    viewerProtocolPolicy: 'redirect-to-https',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    // The AWS managed CachingOptimized policy.
    cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    compress: true,
  },
  restrictions: { geoRestriction: { restrictionType: 'none' } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
  webAclId: webAcl.arn,
  priceClass: 'PriceClass_100',
});

new aws.s3.BucketPolicy('content', {
  bucket: content.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(content),
      {
        Sid: 'CloudFrontReadsThroughOriginAccessControl',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: pulumi.interpolate`${content.arn}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': distribution.arn } },
      },
    ],
  }),
});

// CloudFront decrypts the content with the key: the account administers it, the distribution may only decrypt.
new aws.kms.KeyPolicy('content', {
  keyId: contentKey.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudFrontDecrypts',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: { StringEquals: { 'AWS:SourceArn': distribution.arn } },
      },
    ],
  }),
});

export const url = pulumi.interpolate`https://${distribution.domainName}`;
