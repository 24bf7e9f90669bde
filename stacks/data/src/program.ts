import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  cloudWatchLogsKeyGrant,
  createAwsProvider,
  KmsKey,
  centralAccessLogs,
  physicalName,
  referenceStack,
  s3BucketArn,
  SecureBucket,
} from '@bulwark/core';
import type { BaselineOutputs } from '@bulwark/stack-baseline/outputs';
import type { NetworkOutputs } from '@bulwark/stack-network/outputs';
import { createCache } from './cache';
import { loadDataConfig } from './config';
import { createDatabase } from './database';
import { type DataBucketOutput, type DataOutputs } from './outputs';
import { createTable } from './table';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type DataStackOutputs = { readonly [K in keyof DataOutputs]: pulumi.Input<DataOutputs[K]> };

/**
 * The data stack: one customer managed key for every data store, data buckets sending their server access logs to
 * the baseline's central access-logs bucket, a DynamoDB table, a PostgreSQL instance and (optionally) a Redis cache
 * in the network stack's private subnets.
 */
export async function program(): Promise<DataStackOutputs> {
  const config = loadDataConfig();
  const provider = createAwsProvider(config);
  const opts: pulumi.CustomResourceOptions = { provider };
  // The network and baseline stacks of this environment: `data:organization` (default: this stack's own),
  // `data:networkProject`, `data:baselineProject`.
  const producer = (project: string) => ({ organization: config.settings.organization, project, environment: config.environment });
  const network = referenceStack<NetworkOutputs>('network', producer(config.settings.networkProject));
  const baseline = referenceStack<BaselineOutputs>('baseline', producer(config.settings.baselineProject));

  // Server access logs go to the baseline's central bucket, which S3 reaches only from buckets of its own account
  // and region: refuse to deploy anywhere else, before anything exists.
  const accessLogs = await centralAccessLogs(baseline, { config, opts });

  const key = new KmsKey(
    'data',
    {
      description: `${config.project} ${config.environment}: data at rest (S3, DynamoDB, RDS, ElastiCache, log groups)`,
      alias: physicalName(config, 'kms-alias', 'data'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [cloudWatchLogsKeyGrant()],
    },
    opts,
  );

  // Names and ARNs follow from config alone, so consumers can plan against them even in a first preview, and the
  // baseline's access-logs bucket admits them by name (`<project>-<env>-*`) before they exist.
  const partition = aws.getPartitionOutput({}, opts).partition;
  const dataBuckets: Record<string, pulumi.Output<DataBucketOutput>> = {};
  for (const purpose of config.settings.dataBuckets) {
    const bucketName = physicalName(config, 's3-bucket', purpose);
    new SecureBucket(purpose, { kmsKeyArn: key.arn, logsBucket: accessLogs, bucketName }, opts);
    dataBuckets[purpose] = pulumi.output({ name: bucketName, arn: s3BucketArn(partition, bucketName) });
  }

  const table = createTable(config, key.arn, opts);

  const vpcId = network.output('vpcId');
  const privateSubnetIds = network.output('privateSubnetIds');
  const applicationSecurityGroupId = network.output('appSecurityGroupId');
  const database = createDatabase({ config, vpcId, privateSubnetIds, applicationSecurityGroupId, kmsKeyArn: key.arn }, opts);
  const cache = config.settings.cacheEnabled
    ? createCache({ config, vpcId, privateSubnetIds, applicationSecurityGroupId, kmsKeyArn: key.arn }, opts)
    : undefined;

  return {
    kmsKeyArn: key.arn,
    dataBuckets: pulumi.output(dataBuckets),
    tableName: table.name,
    tableArn: table.arn,
    databaseIdentifier: database.instance.identifier,
    databaseAddress: database.instance.address,
    databasePort: database.instance.port,
    databaseName: database.instance.dbName,
    databaseResourceId: database.instance.resourceId,
    databaseSecurityGroupId: database.securityGroup.id,
    cacheEnabled: cache !== undefined,
    cacheReplicationGroupId: cache?.replicationGroup.id ?? null,
    cacheSecurityGroupId: cache?.securityGroup.id ?? null,
  };
}
