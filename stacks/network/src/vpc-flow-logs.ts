import {
  cloudWatchLogsKeyGrant,
  EncryptedLogGroup,
  KmsKey,
  LeastPrivilegeRole,
  type LoadedStackConfig,
  physicalName,
  type StackSettingKeys,
} from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** The flow log and what it writes through. */
export interface VpcFlowLogs {
  readonly key: KmsKey;
  readonly logGroup: EncryptedLogGroup;
  readonly role: LeastPrivilegeRole;
  readonly flowLog: aws.ec2.FlowLog;
}

/**
 * Records ALL traffic of the VPC (accepted and rejected) into a CloudWatch log group encrypted with its own KMS
 * key and kept for `bulwark:logRetentionDays`. The delivery role can only be assumed by the flow-logs service for
 * this account's flow logs (confused-deputy conditions) and may only write streams of that one log group.
 */
export function createVpcFlowLogs<K extends StackSettingKeys>(
  config: LoadedStackConfig<K>,
  vpcId: pulumi.Input<string>,
  provider: aws.Provider,
): VpcFlowLogs {
  const opts = { provider };
  const key = new KmsKey(
    'flow-logs',
    {
      description: `VPC flow logs of ${config.project} ${config.environment}`,
      alias: physicalName(config, 'kms-alias', 'flow-logs'),
      serviceUsers: [cloudWatchLogsKeyGrant()],
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
    },
    opts,
  );
  const logGroup = new EncryptedLogGroup(
    'flow-logs',
    { kmsKeyArn: key.arn, retentionInDays: config.logRetentionDays, logGroupName: physicalName(config, 'log-group', 'flow-logs') },
    opts,
  );
  const identity = aws.getCallerIdentityOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);
  const role = new LeastPrivilegeRole(
    'flow-logs',
    {
      description: 'Lets VPC flow logs deliver to their log group',
      roleName: physicalName(config, 'iam-role', 'flow-logs', { region: config.region }),
      assumedBy: {
        services: ['vpc-flow-logs.amazonaws.com'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': identity.accountId },
          ArnLike: { 'aws:SourceArn': pulumi.interpolate`arn:${partition.partition}:ec2:${config.region}:${identity.accountId}:vpc-flow-log/*` },
        },
      },
      statements: [
        {
          sid: 'WriteFlowLogStreams',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`],
        },
        // The service checks that the log group exists; DescribeLogGroups accepts no resource but "*".
        { sid: 'FindLogGroup', actions: ['logs:DescribeLogGroups'], resources: ['*'] },
      ],
    },
    opts,
  );
  const flowLog = new aws.ec2.FlowLog(
    'vpc',
    {
      vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    },
    // The role grants nothing until its policy exists; a flow log created before it cannot deliver.
    { ...opts, dependsOn: [role.policy] },
  );
  return { key, logGroup, role, flowLog };
}
