/**
 * `awsx:cloudtrail:Trail`: an `aws:s3/bucket:Bucket` for the logs (with `forceDestroy: true`, awsx's default)
 * unless an existing bucket is named, its `aws:s3/bucketPolicy:BucketPolicy` letting CloudTrail check the ACL and
 * write with `bucket-owner-full-control`, with `cloudWatchLogsGroup.enable` a log group and a role CloudTrail
 * assumes to write to it, and the `aws:cloudtrail/trail:Trail` itself (after the bucket policy), all under the
 * component.
 */
import { type WireValue } from '../../types';
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { optionalLogGroup } from '../cloudwatch/log-group';
import { ComponentArgumentError } from '../model-errors';
import { defaultRoleWithPolicies } from '../role-with-policies';
import { derive, type TracedValue } from '../traced-value';

const CLOUDTRAIL_PRINCIPAL = { Service: 'cloudtrail.amazonaws.com' };

/** The bucket policy CloudTrail needs on its log bucket. */
function cloudTrailBucketPolicy(bucketArn: string): WireValue {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: CLOUDTRAIL_PRINCIPAL, Action: ['s3:GetBucketAcl'], Resource: [bucketArn] },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: ['s3:PutObject'],
        Resource: [`${bucketArn}/*`],
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
    ],
  };
}

interface TrailBucket {
  readonly bucket?: ResourceHandle;
  readonly name: ModelValue;
  readonly arn: TracedValue;
}

/** `requiredBucket`: an existing bucket by ARN or name, else a new one named after the component. */
function trailBucket(build: ComponentBuilder, inputs: ComponentInputs): TrailBucket {
  if (inputs.has('s3Bucket', 'existing') && inputs.has('s3Bucket', 'args')) throw new ComponentArgumentError("Can't define bucket args if specifying an existing bucket");
  if (inputs.has('s3Bucket', 'existing')) {
    if (inputs.isTruthy('s3Bucket', 'existing', 'arn')) {
      const arn = inputs.value('s3Bucket', 'existing', 'arn') as TracedValue;
      return { arn, name: derive([arn], (value) => String(value).split(':').slice(5).join(':').replace(/^[^/]*\//, '')) };
    }
    if (inputs.isTruthy('s3Bucket', 'existing', 'name')) {
      const name = inputs.value('s3Bucket', 'existing', 'name') as TracedValue;
      return { name, arn: derive([name], (value) => `arn:aws:::${String(value)}`) };
    }
    throw new ComponentArgumentError('One of an existing log group name or ARN must be specified');
  }
  const bucket = build.child('aws:s3/bucket:Bucket', build.component.name, { forceDestroy: true, ...inputs.entries('s3Bucket', 'args') });
  return { bucket, name: bucket.output('bucket'), arn: bucket.output('arn') };
}

function expandTrail(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const name = build.component.name;
  const { s3Bucket: _bucket, cloudWatchLogsGroup: _logGroup, ...trailArgs } = inputs.values();
  const bucket = trailBucket(build, inputs);
  const policy = build.child(
    'aws:s3/bucketPolicy:BucketPolicy',
    name,
    { bucket: bucket.name, policy: derive([bucket.arn], (arn) => cloudTrailBucketPolicy(String(arn))) },
    bucket.bucket ? { dependsOn: [bucket.bucket] } : {},
  );
  const { logGroup, logGroupId } = optionalLogGroup(build, name, inputs, ['cloudWatchLogsGroup'], build.component);
  const accountId = String(build.invoke('aws:index/getCallerIdentity:getCallerIdentity', {})['accountId']);
  const logStreamArn = logGroupId
    ? derive([logGroupId], (id) => `${String((id as { arn: string }).arn)}:log-stream:${accountId}_CloudTrail_*`)
    : undefined;
  const logsRole = logGroup
    ? defaultRoleWithPolicies(
        build,
        name,
        undefined,
        [],
        {
          assumeRolePolicy: { Version: '2012-10-17', Statement: [{ Sid: 'AllowAssumeRole', Effect: 'Allow', Principal: CLOUDTRAIL_PRINCIPAL, Action: 'sts:AssumeRole' }] },
          inlinePolicies: [
            {
              policy: derive([logStreamArn], (arn) =>
                JSON.stringify({
                  Version: '2012-10-17',
                  Statement: [
                    { Effect: 'Allow', Action: ['logs:CreateLogStream'], Resource: [arn] },
                    { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [arn] },
                  ],
                }),
              ),
            },
          ],
        },
        build.component,
      )
    : undefined;
  const trail = build.child(
    'aws:cloudtrail/trail:Trail',
    name,
    {
      ...trailArgs,
      s3BucketName: bucket.name,
      cloudWatchLogsGroupArn: logGroupId ? derive([logGroupId], (id) => `${String((id as { arn: string }).arn)}:*`) : undefined,
      cloudWatchLogsRoleArn: logsRole?.roleArn,
    },
    { dependsOn: [policy] },
  );
  return { trail, bucket: bucket.bucket, logGroup };
}

export const cloudtrailTrailModel: ComponentModel = { type: 'awsx:cloudtrail:Trail', expand: expandTrail };
