import { type RuleDefinition } from '@bulwark/policy-kit';
import { s3AccessLogTargetEncryption } from './s3-access-log-target-encryption';

/** The S3 delivery, encryption and naming rules. */
export const s3Rules: readonly RuleDefinition[] = [s3AccessLogTargetEncryption];
