import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { EncryptedLogGroup, physicalName } from '@bulwark/core';
import { type DataStackConfig } from './config';

/** PostgreSQL's port: the only one the database security group opens. */
export const POSTGRES_PORT = 5432;

/** The master user. Its password is generated and rotated by Secrets Manager, never seen by the program. */
export const MASTER_USERNAME = 'dbadmin';

/** The database created on the instance. */
export const DATABASE_NAME = 'app';

/** The log types the instance exports to CloudWatch Logs, each into a log group this stack encrypts. */
export const EXPORTED_LOG_TYPES = ['postgresql', 'upgrade'] as const;

/** What the database is built from. */
export interface DatabaseArgs {
  readonly config: DataStackConfig;
  readonly vpcId: pulumi.Input<string>;
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The only security group allowed to reach the database. */
  readonly applicationSecurityGroupId: pulumi.Input<string>;
  /** The customer managed key for storage, the master secret, Performance Insights and the exported logs. */
  readonly kmsKeyArn: pulumi.Input<string>;
}

/** The database and what surrounds it. */
export interface Database {
  readonly instance: aws.rds.Instance;
  readonly securityGroup: aws.ec2.SecurityGroup;
  readonly subnetGroup: aws.rds.SubnetGroup;
  readonly parameterGroup: aws.rds.ParameterGroup;
  readonly logGroups: readonly EncryptedLogGroup[];
}

/**
 * A PostgreSQL instance in the network's private subnets, reachable on 5432 from the application security group
 * only, encrypted with the stack's key (storage, Performance Insights, the Secrets Manager master secret and the
 * exported logs), TLS forced by its parameter group, IAM authentication on, and protected against deletion.
 */
export function createDatabase(args: DatabaseArgs, opts: pulumi.CustomResourceOptions): Database {
  const { config } = args;
  const { settings } = config;
  const identifier = physicalName(config, 'rds-instance', 'postgres');
  // The config holds a major version only (see rds-postgres-versions.ts): it names the parameter group family too.
  const majorVersion = settings.databaseEngineVersion;

  const securityGroup = new aws.ec2.SecurityGroup(
    'database',
    {
      name: physicalName(config, 'security-group', 'database'),
      description: 'PostgreSQL: 5432 from the application security group only',
      vpcId: args.vpcId,
      ingress: [
        {
          description: 'PostgreSQL from the application tier',
          protocol: 'tcp',
          fromPort: POSTGRES_PORT,
          toPort: POSTGRES_PORT,
          securityGroups: [args.applicationSecurityGroupId],
        },
      ],
      // No egress rules: the database answers connections and opens none of its own.
      egress: [],
    },
    opts,
  );
  const subnetGroup = new aws.rds.SubnetGroup(
    'database',
    { name: identifier, description: 'private subnets of the network stack', subnetIds: args.privateSubnetIds },
    opts,
  );
  const parameterGroup = new aws.rds.ParameterGroup(
    'database',
    {
      name: `${identifier}-pg${majorVersion}`,
      family: `postgres${majorVersion}`,
      description: 'TLS-only connections',
      parameters: [{ name: 'rds.force_ssl', value: '1', applyMethod: 'pending-reboot' }],
    },
    opts,
  );
  // RDS creates the export log groups itself, unencrypted and kept forever, unless they already exist.
  const logGroups = EXPORTED_LOG_TYPES.map(
    (logType) =>
      new EncryptedLogGroup(
        `database-${logType}`,
        { kmsKeyArn: args.kmsKeyArn, retentionInDays: config.logRetentionDays, logGroupName: `/aws/rds/instance/${identifier}/${logType}` },
        opts,
      ),
  );

  const instance = new aws.rds.Instance(
    'database',
    {
      identifier,
      engine: 'postgres',
      engineVersion: settings.databaseEngineVersion,
      instanceClass: settings.databaseInstanceClass,
      allocatedStorage: settings.databaseAllocatedStorageGb,
      maxAllocatedStorage: settings.databaseMaxAllocatedStorageGb,
      storageType: 'gp3',
      storageEncrypted: true,
      kmsKeyId: args.kmsKeyArn,
      dbName: DATABASE_NAME,
      port: POSTGRES_PORT,
      username: MASTER_USERNAME,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: args.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [securityGroup.id],
      parameterGroupName: parameterGroup.name,
      publiclyAccessible: false,
      multiAz: settings.databaseMultiAz,
      backupRetentionPeriod: config.backupRetentionDays,
      backupWindow: '02:00-03:00',
      maintenanceWindow: 'sun:03:30-sun:04:30',
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${identifier}-final`,
      deletionProtection: true,
      // With the major alone as engineVersion, RDS moves the minor forward and Pulumi sees no drift.
      autoMinorVersionUpgrade: true,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: args.kmsKeyArn,
      performanceInsightsRetentionPeriod: 7,
      enabledCloudwatchLogsExports: [...EXPORTED_LOG_TYPES],
    },
    { ...opts, dependsOn: logGroups },
  );
  return { instance, securityGroup, subnetGroup, parameterGroup, logGroups };
}
