import { type RuleDefinition } from '@bulwark/policy-kit';
import { elasticacheIdentifiers } from './elasticache-identifiers';

/** The ElastiCache rules. */
export const elasticacheRules: readonly RuleDefinition[] = [elasticacheIdentifiers];
