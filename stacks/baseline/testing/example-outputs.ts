import { type BaselineOutputs } from '../outputs';

/**
 * Baseline outputs that satisfy the baseline stack's contract for an environment, as a consumer's StackReference
 * returns them in the consumers' tests: the dev and prod regions of the config files, ARNs in `account`. The
 * baseline's own spec checks they have the keys and value shapes the program exports.
 */
export function exampleBaselineOutputs(environment: string, account: string): BaselineOutputs {
  const regions = environment === 'prod' ? ['eu-west-1', 'eu-central-1', 'us-east-1'] : ['eu-west-1', 'us-east-1'];
  const byRegion = (value: (region: string) => string) => Object.fromEntries(regions.map((region) => [region, value(region)]));
  return {
    region: 'eu-west-1',
    regions,
    accountId: account,
    cloudTrailArn: `arn:aws:cloudtrail:eu-west-1:${account}:trail/bulwark-${environment}-audit`,
    cloudTrailBucketName: `bulwark-${environment}-cloudtrail-k3x9q2`,
    cloudTrailKeyArn: `arn:aws:kms:eu-west-1:${account}:key/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
    configBucketName: `bulwark-${environment}-config-history-k3x9q2`,
    configRecorderName: `bulwark-${environment}-recorder`,
    accessLogsBucketName: `bulwark-${environment}-access-logs-k3x9q2`,
    guardDutyDetectorIds: byRegion(() => '12abc34d567e8fa901bc2d34e56789f0'),
    ebsDefaultKeyArns: byRegion((region) => `arn:aws:kms:${region}:${account}:key/0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b`),
    humanUsersGroupName: 'human-users',
    mfaPolicyArn: `arn:aws:iam::${account}:policy/bulwark-${environment}-require-mfa`,
    autoScalingServiceLinkedRoleArn: `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
  };
}
