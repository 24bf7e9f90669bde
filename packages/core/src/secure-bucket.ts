import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BaselineBucket, type BaselineBucketArgs } from './bucket-baseline';
import { type BucketReference } from './bucket-reference';
import { type PolicyDocument, type PolicyStatementDocument } from './policy-document';
import { SERVER_ACCESS_LOGGING_TAG } from './server-access-logging-tag';
import { TLS_ONLY_STATEMENT_SID, tlsOnlyStatement } from './tls-only-bucket-policy';

/** The caller's bucket policy statements, or a function building them from the bucket's ARN. */
export type BucketPolicyStatements =
  | readonly PolicyStatementDocument[]
  | ((bucket: { readonly arn: pulumi.Output<string> }) => readonly PolicyStatementDocument[]);

/** Arguments of {@link SecureBucket}. */
export interface SecureBucketArgs extends BaselineBucketArgs {
  /** ARN of the customer managed KMS key for default encryption (SSE-KMS, with an S3 Bucket Key). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * The bucket that receives this bucket's server access logs: a `LogsBucket` of this program, or another stack's
   * log bucket by name (`{ bucketName: baseline.output('accessLogsBucketName') }`). S3 delivers server access logs
   * only to a bucket in the same account and region as this one, and only if that bucket's policy admits this
   * bucket (`LogsBucket`'s `sourceBucketArns`).
   */
  readonly logsBucket: BucketReference;
  /**
   * Key prefix of this bucket's access logs in the logs bucket.
   * @default `<name>/`
   */
  readonly logPrefix?: string;
  /**
   * Statements merged into the bucket policy after the TLS-only deny. An Allow to a public principal without a
   * condition is rejected.
   * @default [] (the TLS-only deny alone)
   */
  readonly policyStatements?: BucketPolicyStatements;
}

/**
 * A private S3 bucket: all four public access block flags, ACLs disabled, SSE-KMS with the given key and an S3
 * bucket key, versioning, server access logs to a log bucket given by name (a `LogsBucket`, or another stack's),
 * and a bucket policy that denies any request not made over TLS, merged with the caller's statements.
 * @example
 * new SecureBucket('app-data', {
 *   bucketName: physicalName(config, 's3-bucket', 'app-data'),
 *   kmsKeyArn: key.arn,
 *   logsBucket: { bucketName: baseline.output('accessLogsBucketName') },
 *   policyStatements: ({ arn }) => [{ Sid: 'AllowReader', Effect: 'Allow', Principal: { AWS: reader.arn },
 *     Action: 's3:GetObject', Resource: pulumi.interpolate`${arn}/*` }],
 * }, { provider });
 */
export class SecureBucket extends BaselineBucket {
  readonly logging: aws.s3.BucketLogging;
  readonly policy: aws.s3.BucketPolicy;

  constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    if (Array.isArray(args.policyStatements)) validateStatements(name, args.policyStatements);
    // Tagged as a bucket that must log: the baseline's s3-bucket-logging-enabled Config rule evaluates exactly these.
    super('bulwark:core:SecureBucket', name, args, { kmsKeyArn: args.kmsKeyArn }, opts, { [SERVER_ACCESS_LOGGING_TAG.key]: SERVER_ACCESS_LOGGING_TAG.value });

    this.logging = new aws.s3.BucketLogging(
      name,
      { bucket: this.bucket.id, targetBucket: args.logsBucket.bucketName, targetPrefix: args.logPrefix ?? `${name}/` },
      { parent: this },
    );

    const callerStatements = typeof args.policyStatements === 'function' ? args.policyStatements({ arn: this.arn }) : (args.policyStatements ?? []);
    validateStatements(name, callerStatements);
    const document = pulumi.all([this.arn, pulumi.output(callerStatements)]).apply(
      ([bucketArn, statements]): PolicyDocument => ({
        Version: '2012-10-17',
        Statement: [tlsOnlyStatement(bucketArn), ...(statements as PolicyStatementDocument[])],
      }),
    );
    this.policy = this.attachPolicy(name, document);
  }
}

// Only what is known at construction can be checked here; the policy pack still checks the final document.
function validateStatements(name: string, statements: readonly PolicyStatementDocument[]): void {
  statements.forEach((statement, index) => {
    if (statement.Sid === TLS_ONLY_STATEMENT_SID) {
      throw new Error(`SecureBucket "${name}": policy statement ${index} reuses the Sid ${TLS_ONLY_STATEMENT_SID}, which the TLS-only deny owns`);
    }
    const principal = statement.Principal as unknown;
    // `"*"`, `{ AWS: "*" }` and `{ AWS: [..., "*"] }` all mean everyone.
    const awsPrincipals = typeof principal === 'object' && principal !== null ? [(principal as Record<string, unknown>).AWS].flat() : [];
    const isPublic = principal === '*' || awsPrincipals.includes('*');
    if (statement.Effect === 'Allow' && isPublic && (statement.Condition === undefined || Object.keys(statement.Condition).length === 0)) {
      throw new Error(
        `SecureBucket "${name}": policy statement ${index} allows a public principal without a condition; restrict it (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID) or name the principal`,
      );
    }
  });
}
