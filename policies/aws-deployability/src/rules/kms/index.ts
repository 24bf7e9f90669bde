import { type RuleDefinition } from '@bulwark/policy-kit';
import { kmsKeyAdmitsCloudtrail } from './kms-key-admits-cloudtrail';

/** The rules on service access to customer managed keys. */
export const kmsRules: readonly RuleDefinition[] = [kmsKeyAdmitsCloudtrail];
