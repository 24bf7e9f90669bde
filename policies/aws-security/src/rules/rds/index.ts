import { type RuleDefinition } from '@bulwark/policy-kit';
import { rdsBackupRetention } from './rds-backup-retention';
import { rdsNotPublic } from './rds-not-public';
import { rdsEncryptionKms } from './rds-encryption-kms';
import { rdsMultiAz } from './rds-multi-az';

/** The rds rules, in catalog order. */
export const rdsRules: readonly RuleDefinition[] = [rdsBackupRetention, rdsNotPublic, rdsEncryptionKms, rdsMultiAz];
