import { type RuleDefinition } from '@bulwark/policy-kit';
import { rdsEngineVersion } from './rds-engine-version';
import { rdsIdentifiers } from './rds-identifiers';
import { rdsBackupRetentionLimit } from './rds-backup-retention-limit';

/** The RDS rules. */
export const rdsRules: readonly RuleDefinition[] = [rdsEngineVersion, rdsIdentifiers, rdsBackupRetentionLimit];
