import { type RuleDefinition } from '@bulwark/policy-kit';
import { rdsEngineVersion } from './rds-engine-version';

/** The RDS rules. */
export const rdsRules: readonly RuleDefinition[] = [rdsEngineVersion];
