import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type DataStackConfig } from './config';

/** Redis's port: the only one the cache security group opens. */
export const REDIS_PORT = 6379;

/** What the cache is built from. */
export interface CacheArgs {
  readonly config: DataStackConfig;
  readonly vpcId: pulumi.Input<string>;
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The only security group allowed to reach the cache. */
  readonly applicationSecurityGroupId: pulumi.Input<string>;
  /** The customer managed key for data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
}

/** The cache and what surrounds it. */
export interface Cache {
  readonly replicationGroup: aws.elasticache.ReplicationGroup;
  readonly securityGroup: aws.ec2.SecurityGroup;
  readonly subnetGroup: aws.elasticache.SubnetGroup;
}

/**
 * A Redis replication group in a subnet group of the network's private subnets, encrypted at rest with the
 * stack's key and in transit (TLS required, plaintext clients refused), reachable from the application tier only.
 * It is Multi-AZ with automatic failover whenever the database is (`data:databaseMultiAz`).
 */
export function createCache(args: CacheArgs, opts: pulumi.CustomResourceOptions): Cache {
  const { config } = args;
  const { settings } = config;
  const highlyAvailable = settings.databaseMultiAz && settings.cacheNodeCount >= 2;
  const securityGroup = new aws.ec2.SecurityGroup(
    'cache',
    {
      name: physicalName(config, 'security-group', 'cache'),
      description: 'Redis: 6379 from the application security group only',
      vpcId: args.vpcId,
      ingress: [
        {
          description: 'Redis from the application tier',
          protocol: 'tcp',
          fromPort: REDIS_PORT,
          toPort: REDIS_PORT,
          securityGroups: [args.applicationSecurityGroupId],
        },
      ],
      egress: [],
    },
    opts,
  );
  const subnetGroup = new aws.elasticache.SubnetGroup(
    'cache',
    { name: physicalName(config, 'elasticache-subnet-group', 'cache'), description: 'private subnets of the network stack', subnetIds: args.privateSubnetIds },
    opts,
  );
  const replicationGroup = new aws.elasticache.ReplicationGroup(
    'cache',
    {
      description: `${config.project} ${config.environment} cache`,
      engine: 'redis',
      engineVersion: '7.1',
      nodeType: settings.cacheNodeType,
      numCacheClusters: settings.cacheNodeCount,
      port: REDIS_PORT,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [securityGroup.id],
      atRestEncryptionEnabled: true,
      kmsKeyId: args.kmsKeyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      automaticFailoverEnabled: highlyAvailable,
      multiAzEnabled: highlyAvailable,
      snapshotRetentionLimit: 7,
      snapshotWindow: '01:00-02:00',
      maintenanceWindow: 'sun:04:30-sun:05:30',
      autoMinorVersionUpgrade: true,
      applyImmediately: false,
    },
    opts,
  );
  return { replicationGroup, securityGroup, subnetGroup };
}
