import * as pulumi from '@pulumi/pulumi';

/**
 * The ARN of an S3 bucket from its partition and name. Bucket ARNs carry no region or account, so a bucket whose
 * name is known from config has an ARN that is known in a first-time preview too (the provider's `arn` output is not).
 */
export function s3BucketArn(partition: pulumi.Input<string>, bucketName: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`arn:${partition}:s3:::${bucketName}`;
}
