import { formatArn } from '@bulwark/aws-model';
import * as pulumi from '@pulumi/pulumi';

/**
 * The ARN of an S3 bucket from its partition and name. Bucket ARNs carry no region or account, so a bucket whose
 * name is known from config has an ARN that is known in a first-time preview too (the provider's `arn` output is not).
 */
export function s3BucketArn(partition: pulumi.Input<string>, bucketName: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.all([partition, bucketName]).apply(([knownPartition, name]) => formatArn({ partition: knownPartition, service: 's3', resource: name }));
}
