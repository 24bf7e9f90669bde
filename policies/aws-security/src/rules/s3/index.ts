import { type RuleDefinition } from '@bulwark/policy-kit';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block';
import { s3BucketAccessLogging } from './s3-bucket-access-logging';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption';
import { s3BucketNoPublicPolicy } from './s3-bucket-no-public-policy';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';
import { s3BucketTlsOnly } from './s3-bucket-tls-only';
import { s3BucketVersioning } from './s3-bucket-versioning';

/** The s3 rules, in catalog order. */
export const s3Rules: readonly RuleDefinition[] = [
  s3BucketPublicAccessBlock,
  s3AccountPublicAccessBlock,
  s3BucketNoPublicPolicy,
  s3BucketTlsOnly,
  s3BucketKmsEncryption,
  s3BucketVersioning,
  s3BucketAccessLogging,
];
