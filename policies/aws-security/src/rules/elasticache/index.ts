import { type RuleDefinition } from '../../rule';
import { elasticacheEncryptionInVpc } from './elasticache-encryption-in-vpc';

/** The elasticache rules, in catalog order. */
export const elasticacheRules: readonly RuleDefinition[] = [elasticacheEncryptionInVpc];
