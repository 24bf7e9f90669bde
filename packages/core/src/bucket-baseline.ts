import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type PolicyDocument } from './policy-document';
import { s3BucketArn } from './s3-bucket-arn';

/**
 * A bucket's default encryption: SSE-KMS with a customer managed key (and an S3 Bucket Key), or SSE-S3, which only
 * server access log targets use because S3 log delivery supports no other default encryption.
 */
export type BucketEncryption = { readonly kmsKeyArn: pulumi.Input<string> } | { readonly s3Managed: true };

/** Arguments every Bulwark bucket component takes. */
export interface BaselineBucketArgs {
  /**
   * The bucket name (see `physicalName(config, 's3-bucket', purpose)`).
   * @default a Pulumi auto-name
   */
  readonly bucketName?: pulumi.Input<string>;
  /**
   * Let `pulumi destroy` delete the bucket while it still holds objects. Never set it for production.
   * @default false
   */
  readonly forceDestroy?: boolean;
}

/**
 * A bucket component with the controls no Bulwark bucket goes without, whatever it holds: ACLs disabled
 * (bucket-owner-enforced), all four public access block flags, default encryption (SSE-KMS with a customer managed
 * key and an S3 bucket key, which cuts KMS requests, and so cost and throttling, by orders of magnitude; SSE-S3 for
 * server access log targets), and versioning.
 * A subclass adds what its bucket is for, then ends with {@link BaselineBucket.attachPolicy}.
 * @example
 * class ArchiveBucket extends BaselineBucket {
 *   constructor(name: string, args: BaselineBucketArgs & { kmsKeyArn: pulumi.Input<string> }, opts?: pulumi.ComponentResourceOptions) {
 *     super('acme:storage:ArchiveBucket', name, args, { kmsKeyArn: args.kmsKeyArn }, opts);
 *     this.attachPolicy(name, this.arn.apply((arn) => ({ Version: '2012-10-17', Statement: [tlsOnlyStatement(arn)] })));
 *   }
 * }
 */
export abstract class BaselineBucket extends pulumi.ComponentResource {
  /** The bucket. */
  readonly bucket: aws.s3.Bucket;
  /** The bucket name, for `BucketLogging.targetBucket` and consumers. */
  readonly bucketName: pulumi.Output<string>;
  /**
   * The bucket ARN, built from the partition and the bucket name. Both are known in a first-time preview (the
   * provider's ARN output is not), so the bucket policy made from it, and the policy pack's checks of that policy
   * (TLS-only, no public statement), are decided in the preview and not only at deploy time.
   */
  readonly arn: pulumi.Output<string>;
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly versioning: aws.s3.BucketVersioning;

  protected constructor(
    type: string,
    name: string,
    args: BaselineBucketArgs,
    encryption: BucketEncryption,
    opts?: pulumi.ComponentResourceOptions,
    tags?: Readonly<Record<string, string>>,
  ) {
    super(type, name, {}, opts);
    this.bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: args.forceDestroy ?? false, tags }, { parent: this });
    new aws.s3.BucketOwnershipControls(name, { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } }, { parent: this });
    this.publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
      name,
      { bucket: this.bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      { parent: this },
    );
    this.encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
      name,
      {
        bucket: this.bucket.id,
        rules: [
          'kmsKeyArn' in encryption
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: encryption.kmsKeyArn }, bucketKeyEnabled: true }
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
        ],
      },
      { parent: this },
    );
    this.versioning = new aws.s3.BucketVersioning(name, { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } }, { parent: this });
    this.bucketName = this.bucket.bucket;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    this.arn = s3BucketArn(partition, this.bucket.bucket);
  }

  /**
   * Attaches the bucket policy and completes the component. The policy waits for the public access block, so it
   * is never evaluated on a bucket without one.
   */
  protected attachPolicy(name: string, document: pulumi.Output<PolicyDocument>): aws.s3.BucketPolicy {
    const policy = new aws.s3.BucketPolicy(
      name,
      { bucket: this.bucket.id, policy: pulumi.jsonStringify(document) },
      { parent: this, dependsOn: [this.publicAccessBlock] },
    );
    this.registerOutputs({ bucketName: this.bucketName, arn: this.arn });
    return policy;
  }
}
