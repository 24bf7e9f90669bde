import { type RuleDefinition } from '@bulwark/policy-kit';
import { wafv2ManagedRulesAndRateLimit } from './wafv2-managed-rules-and-rate-limit';

/** The wafv2 rules, in catalog order. */
export const wafv2Rules: readonly RuleDefinition[] = [wafv2ManagedRulesAndRateLimit];
