import * as pulumi from '@pulumi/pulumi';
import { type RoleStatement } from '@bulwark/core';

/** One prefix of one data bucket, and the key its objects are encrypted with. */
export interface DataPrefix {
  readonly bucketArn: pulumi.Input<string>;
  /** Ends in `/`. */
  readonly prefix: string;
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The region of the bucket, for the `kms:ViaService` condition. */
  readonly region: pulumi.Input<string>;
}

/**
 * Read access to the objects under one prefix and nothing else: GetObject on `<bucket>/<prefix>*`, ListBucket
 * limited to that prefix, and Decrypt on the bucket's key only when S3 asks on the caller's behalf.
 */
export function dataPrefixReadStatements(location: DataPrefix): RoleStatement[] {
  return [
    { sid: 'ReadDataPrefixObjects', actions: ['s3:GetObject'], resources: [pulumi.interpolate`${location.bucketArn}/${location.prefix}*`] },
    {
      sid: 'ListDataPrefix',
      actions: ['s3:ListBucket'],
      resources: [location.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${location.prefix}*`] } },
    },
    {
      sid: 'DecryptDataThroughS3',
      actions: ['kms:Decrypt'],
      resources: [location.kmsKeyArn],
      conditions: { StringEquals: { 'kms:ViaService': pulumi.interpolate`s3.${location.region}.amazonaws.com` } },
    },
  ];
}
