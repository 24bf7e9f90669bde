import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** What every Bulwark bucket is made of, whatever it holds. */
export interface BucketBaselineArgs {
  /** The bucket name; undefined for Pulumi auto-naming. */
  readonly bucketName?: pulumi.Input<string>;
  /** The KMS key ARN for default encryption. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Let `pulumi destroy` delete a non-empty bucket. */
  readonly forceDestroy: boolean;
}

/** The resources of a bucket baseline, for components to build on. */
export interface BucketBaseline {
  readonly bucket: aws.s3.Bucket;
  readonly ownershipControls: aws.s3.BucketOwnershipControls;
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly versioning: aws.s3.BucketVersioning;
}

/**
 * Creates a bucket with the controls no Bulwark bucket goes without: ACLs disabled (bucket-owner-enforced),
 * all four public access block flags, SSE-KMS with a customer managed key and an S3 bucket key (which cuts KMS
 * requests, and so cost and throttling, by orders of magnitude), and versioning.
 */
export function createBucketBaseline(name: string, args: BucketBaselineArgs, parent: pulumi.Resource): BucketBaseline {
  const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: args.forceDestroy }, { parent });
  const ownershipControls = new aws.s3.BucketOwnershipControls(
    name,
    { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } },
    { parent },
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    name,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    { parent },
  );
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    name,
    {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
    },
    { parent },
  );
  const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } }, { parent });
  return { bucket, ownershipControls, publicAccessBlock, encryption, versioning };
}
