/** One data bucket: what a consumer needs to grant access to it. */
export interface DataBucketOutput {
  /** The bucket name. */
  readonly name: string;
  /** The bucket ARN. */
  readonly arn: string;
}

/**
 * The data stack's outputs: the contract its consumers (compute) read through a StackReference. Plain values,
 * as a StackReference returns them.
 */
export interface DataOutputs {
  /** ARN of the customer managed KMS key that encrypts every data store of the stack. */
  readonly kmsKeyArn: string;
  /** The data buckets, by purpose (`data:dataBuckets`, e.g. `app-data`). */
  readonly dataBuckets: Readonly<Record<string, DataBucketOutput>>;
  /** The DynamoDB table. */
  readonly tableName: string;
  readonly tableArn: string;
  /** The PostgreSQL instance: its identifier, host name, port and database. */
  readonly databaseIdentifier: string;
  readonly databaseAddress: string;
  readonly databasePort: number;
  readonly databaseName: string;
  /** The instance's resource id, for `rds-db:connect` IAM authentication policies. */
  readonly databaseResourceId: string;
  /** The security group of the database (it admits 5432 from the network's application security group only). */
  readonly databaseSecurityGroupId: string;
  /** Whether the Redis cache exists (`data:cacheEnabled`). */
  readonly cacheEnabled: boolean;
  /** The cache's replication group id; null when the cache is disabled. */
  readonly cacheReplicationGroupId: string | null;
  /** The cache's security group; null when the cache is disabled. */
  readonly cacheSecurityGroupId: string | null;
}
