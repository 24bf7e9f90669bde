import { type RuleDefinition } from '@bulwark/policy-kit';
import { s3AccessLogTargetEncryption } from './s3-access-log-target-encryption';
import { s3BucketName } from './s3-bucket-name';

/** The S3 delivery, encryption and naming rules. */
export const s3Rules: readonly RuleDefinition[] = [s3AccessLogTargetEncryption, s3BucketName];
