import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type DataStackConfig } from './config';

/**
 * The application's DynamoDB table: a generic `pk`/`sk` key design, on-demand capacity, encrypted with the
 * stack's customer managed key, point-in-time recovery on, and protected against deletion.
 */
export function createTable(config: DataStackConfig, kmsKeyArn: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): aws.dynamodb.Table {
  return new aws.dynamodb.Table(
    'app',
    {
      name: physicalName(config, 'dynamodb-table', 'app'),
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'pk',
      rangeKey: 'sk',
      attributes: [
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'S' },
      ],
      serverSideEncryption: { enabled: true, kmsKeyArn },
      pointInTimeRecovery: { enabled: true },
      deletionProtectionEnabled: true,
    },
    opts,
  );
}
