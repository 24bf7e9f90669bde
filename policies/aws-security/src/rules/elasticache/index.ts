import { type RuleDefinition } from '@bulwark/policy-kit';
import { elasticacheEncryptionInVpc } from './elasticache-encryption-in-vpc';

/** The elasticache rules, in catalog order. */
export const elasticacheRules: readonly RuleDefinition[] = [elasticacheEncryptionInVpc];
