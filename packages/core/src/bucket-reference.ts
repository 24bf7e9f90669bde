import type * as pulumi from '@pulumi/pulumi';

/**
 * A bucket known by its name: a {@link LogsBucket} or {@link SecureBucket} of this program, or another stack's
 * bucket read through a StackReference (aws-cdk-lib's `IBucket` idea). Components that only need to point at a
 * bucket take this, so a stack can use a bucket it does not own.
 * @example
 * const baseline = referenceStack<BaselineOutputs>('baseline', { project: 'baseline', environment: config.environment });
 * const accessLogs: BucketReference = { bucketName: baseline.output('accessLogsBucketName') };
 */
export interface BucketReference {
  /** The bucket's name (for S3 also its id). */
  readonly bucketName: pulumi.Input<string>;
}
