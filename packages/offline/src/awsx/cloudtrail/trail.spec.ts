import * as awsx from '@pulumi/awsx';
import { UNKNOWN } from '../../types';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const TRAIL = 'awsx:cloudtrail:Trail';

describe('awsx:cloudtrail:Trail', () => {
  it('builds a force-destroyed log bucket, the bucket policy CloudTrail needs, and the trail after the policy', async () => {
    const { preview, update } = await runBothModes(() => ({ arn: new awsx.cloudtrail.Trail('audit', { isMultiRegionTrail: true, enableLogFileValidation: true }).trail.arn }));
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, TRAIL, 'audit'))).toEqual([
        ['aws:s3/bucket:Bucket', 'audit'],
        ['aws:s3/bucketPolicy:BucketPolicy', 'audit'],
        ['aws:cloudtrail/trail:Trail', 'audit'],
      ]);
      const bucket = recordOf(result, 'aws:s3/bucket:Bucket', 'audit');
      expect(bucket.inputs).toMatchObject({ forceDestroy: true, bucket: expect.stringMatching(/^audit-[0-9a-f]{7}$/) });
      const policy = recordOf(result, 'aws:s3/bucketPolicy:BucketPolicy', 'audit');
      expect(policy.dependencies).toEqual(expect.arrayContaining([bucket.urn]));
      const trail = recordOf(result, 'aws:cloudtrail/trail:Trail', 'audit');
      expect(trail.inputs).toMatchObject({ isMultiRegionTrail: true, enableLogFileValidation: true, s3BucketName: bucket.inputs['bucket'] });
      expect(trail.options.dependsOn).toEqual(expect.arrayContaining([policy.urn]));
    }
    // The policy is built from the bucket's ARN, unknown in a first preview.
    expect(recordOf(preview, 'aws:s3/bucketPolicy:BucketPolicy', 'audit').inputs['policy']).toBe(UNKNOWN);
    const bucketArn = `arn:aws:s3:::${String(recordOf(update, 'aws:s3/bucket:Bucket', 'audit').inputs['bucket'])}`;
    expect(recordOf(update, 'aws:s3/bucketPolicy:BucketPolicy', 'audit').inputs['policy']).toEqual({
      Statement: [
        { Action: ['s3:GetBucketAcl'], Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Resource: [bucketArn], Sid: 'AWSCloudTrailAclCheck' },
        {
          Action: ['s3:PutObject'],
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Resource: [`${bucketArn}/*`],
          Sid: 'AWSCloudTrailWrite',
        },
      ],
      Version: '2012-10-17',
    });
    expect(update.outputs['arn']).toMatch(/^arn:aws:cloudtrail:us-east-1:\d{12}:trail\/audit-/);
  });

  it('with CloudWatch Logs enabled: a log group and a role CloudTrail assumes to write to it, known in a preview', async () => {
    const { preview, update } = await runBothModes(() => void new awsx.cloudtrail.Trail('audit', { cloudWatchLogsGroup: { enable: true, args: { retentionInDays: 365 } } }));
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, TRAIL, 'audit'))).toEqual([
        ['aws:s3/bucket:Bucket', 'audit'],
        ['aws:s3/bucketPolicy:BucketPolicy', 'audit'],
        ['aws:cloudwatch/logGroup:LogGroup', 'audit'],
        ['aws:iam/role:Role', 'audit'],
        ['aws:cloudtrail/trail:Trail', 'audit'],
      ]);
      const logGroup = recordOf(result, 'aws:cloudwatch/logGroup:LogGroup', 'audit');
      expect(logGroup.inputs['retentionInDays']).toBe(365);
      const account = String(result.placeholderAccount);
      const groupArn = `arn:aws:logs:us-east-1:${account}:log-group:${String(logGroup.inputs['name'])}`;
      const role = recordOf(result, 'aws:iam/role:Role', 'audit');
      expect(JSON.parse(String(role.inputs['assumeRolePolicy']))).toEqual({
        Version: '2012-10-17',
        Statement: [{ Sid: 'AllowAssumeRole', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      expect(JSON.parse(String((role.inputs['inlinePolicies'] as { policy: string }[])[0]!.policy))).toEqual({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['logs:CreateLogStream'], Resource: [`${groupArn}:log-stream:${account}_CloudTrail_*`] },
          { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [`${groupArn}:log-stream:${account}_CloudTrail_*`] },
        ],
      });
      const trail = recordOf(result, 'aws:cloudtrail/trail:Trail', 'audit');
      expect(trail.inputs['cloudWatchLogsGroupArn']).toBe(`${groupArn}:*`);
      expect(trail.propertyDependencies['cloudWatchLogsRoleArn']).toEqual([role.urn]);
    }
    expect(recordOf(preview, 'aws:cloudtrail/trail:Trail', 'audit').inputs['cloudWatchLogsRoleArn']).toBe(UNKNOWN);
    expect(recordOf(update, 'aws:cloudtrail/trail:Trail', 'audit').inputs['cloudWatchLogsRoleArn']).toBe(recordOf(update, 'aws:iam/role:Role', 'audit').outputs['arn']);
  });

  it('writes to an existing bucket without creating one', async () => {
    const { update } = await runBothModes(() => void new awsx.cloudtrail.Trail('audit', { s3Bucket: { existing: { name: 'org-trail-logs' } } }));
    expect(typesAndNames(childrenOf(update, TRAIL, 'audit'))).toEqual([
      ['aws:s3/bucketPolicy:BucketPolicy', 'audit'],
      ['aws:cloudtrail/trail:Trail', 'audit'],
    ]);
    expect(recordOf(update, 'aws:cloudtrail/trail:Trail', 'audit').inputs['s3BucketName']).toBe('org-trail-logs');
    expect(recordOf(update, 'aws:s3/bucketPolicy:BucketPolicy', 'audit').inputs['bucket']).toBe('org-trail-logs');
  });
});
