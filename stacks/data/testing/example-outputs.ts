import { type DataOutputs } from '../src/outputs';

/**
 * Data outputs that satisfy the data stack's contract for an environment, as a consumer's StackReference returns
 * them in the consumers' tests: the app-data and exports buckets, no cache, ARNs in `account`.
 */
export function exampleDataOutputs(environment: string, account: string): DataOutputs {
  const bucket = (purpose: string) => ({ name: `bulwark-${environment}-${purpose}-k3x9q2`, arn: `arn:aws:s3:::bulwark-${environment}-${purpose}-k3x9q2` });
  return {
    kmsKeyArn: `arn:aws:kms:eu-west-1:${account}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    dataBuckets: { 'app-data': bucket('app-data'), exports: bucket('exports') },
    tableName: `bulwark-${environment}-app`,
    tableArn: `arn:aws:dynamodb:eu-west-1:${account}:table/bulwark-${environment}-app`,
    databaseIdentifier: `bulwark-${environment}-postgres`,
    databaseAddress: `bulwark-${environment}-postgres.c0ffee123456.eu-west-1.rds.amazonaws.com`,
    databasePort: 5432,
    databaseName: 'app',
    databaseResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    databaseSecurityGroupId: 'sg-0e1f2a3b4c5d6e7f8',
    cacheEnabled: false,
    cacheReplicationGroupId: null,
    cacheSecurityGroupId: null,
  };
}
