import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { cloudWatchLogsKeyGrant, EncryptedLogGroup, KmsKey, physicalName } from '@bulwark/core';
import { type EdgeStackConfig } from './config';

/** Where the edge's logs go: CloudWatch log groups in us-east-1, encrypted with a key of that region. */
export interface EdgeLogs {
  readonly key: KmsKey;
  readonly wafLogGroup: EncryptedLogGroup;
  readonly accessLogGroup: EncryptedLogGroup;
  readonly deliveryPolicy: aws.cloudwatch.LogResourcePolicy;
}

/**
 * The log groups for WAF logs and CloudFront access logs. Both are delivered by `delivery.logs.amazonaws.com`
 * from us-east-1, so the groups, their key (KMS keys are regional) and the resource policy letting the delivery
 * service write (only for this account's delivery sources) are created through the us-east-1 provider.
 */
export function createEdgeLogs(config: EdgeStackConfig, opts: pulumi.CustomResourceOptions): EdgeLogs {
  const key = new KmsKey(
    'edge-logs',
    {
      description: `${config.project} ${config.environment}: WAF and CloudFront logs`,
      alias: physicalName(config, 'kms-alias', 'edge-logs'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [cloudWatchLogsKeyGrant()],
    },
    opts,
  );
  const wafLogGroup = new EncryptedLogGroup(
    'waf',
    { kmsKeyArn: key.arn, retentionInDays: config.logRetentionDays, logGroupName: physicalName(config, 'waf-log-group', 'edge') },
    opts,
  );
  const accessLogGroup = new EncryptedLogGroup(
    'cloudfront-access',
    { kmsKeyArn: key.arn, retentionInDays: config.logRetentionDays, logGroupName: physicalName(config, 'log-group', 'cloudfront-access') },
    opts,
  );
  const accountId = aws.getCallerIdentityOutput({}, opts).accountId;
  const partition = aws.getPartitionOutput({}, opts).partition;
  const region = aws.getRegionOutput({}, opts).region;
  const policyDocument = pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowVendedLogDelivery',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [pulumi.interpolate`${wafLogGroup.arn}:*`, pulumi.interpolate`${accessLogGroup.arn}:*`],
        Condition: {
          StringEquals: { 'aws:SourceAccount': accountId },
          ArnLike: { 'aws:SourceArn': pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:*` },
        },
      },
    ],
  });
  const deliveryPolicy = new aws.cloudwatch.LogResourcePolicy(
    'edge-log-delivery',
    { policyName: physicalName(config, 'log-resource-policy', 'edge-log-delivery'), policyDocument },
    opts,
  );
  return { key, wafLogGroup, accessLogGroup, deliveryPolicy };
}
