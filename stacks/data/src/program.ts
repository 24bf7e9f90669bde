import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  cloudWatchLogsKeyGrant,
  createAwsProvider,
  KmsKey,
  LogsBucket,
  physicalName,
  referenceStack,
  s3BucketArn,
  s3ServerAccessLogsKeyGrant,
  SecureBucket,
} from '@bulwark/core';
import type { NetworkOutputs } from '@bulwark/stack-network/outputs';
import { createCache } from './cache';
import { loadDataConfig } from './config';
import { createDatabase } from './database';
import { type DataBucketOutput, type DataOutputs } from './outputs';
import { createTable } from './table';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type DataStackOutputs = { readonly [K in keyof DataOutputs]: pulumi.Input<DataOutputs[K]> };

/**
 * The data stack: one customer managed key for every data store, data buckets logging to a shared logs bucket,
 * a DynamoDB table, a PostgreSQL instance and (optionally) a Redis cache in the network stack's private subnets.
 */
export function program(): DataStackOutputs {
  const config = loadDataConfig();
  const provider = createAwsProvider(config);
  const opts: pulumi.CustomResourceOptions = { provider };
  // The network stack of this environment: `data:organization` (default: this stack's own), `data:networkProject`.
  const network = referenceStack<NetworkOutputs>('network', {
    organization: config.settings.organization,
    project: config.settings.networkProject,
    environment: config.environment,
  });

  const key = new KmsKey(
    'data',
    {
      description: `${config.project} ${config.environment}: data at rest (S3, DynamoDB, RDS, ElastiCache, logs)`,
      alias: physicalName(config, 'kms-alias', 'data'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [s3ServerAccessLogsKeyGrant(), cloudWatchLogsKeyGrant()],
    },
    opts,
  );

  // Bucket names are deterministic, so the logs bucket can accept logs from exactly these buckets.
  const bucketNames = new Map(config.settings.dataBuckets.map((purpose) => [purpose, physicalName(config, 's3-bucket', purpose)]));
  const partition = aws.getPartitionOutput({}, opts).partition;
  const logs = new LogsBucket(
    'access-logs',
    {
      kmsKeyArn: key.arn,
      bucketName: physicalName(config, 's3-bucket', 'access-logs'),
      expirationDays: config.logArchiveRetentionDays,
      sourceBucketArns: [...bucketNames.values()].map((name) => s3BucketArn(partition, name)),
    },
    opts,
  );
  // Names and ARNs follow from config alone, so consumers can plan against them even in a first preview.
  const dataBuckets: Record<string, pulumi.Output<DataBucketOutput>> = {};
  for (const [purpose, bucketName] of bucketNames) {
    new SecureBucket(purpose, { kmsKeyArn: key.arn, logsBucket: logs, bucketName }, opts);
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
    logsBucketName: logs.bucketName,
    logsBucketArn: logs.arn,
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
