import { type RuleDefinition } from '@bulwark/policy-kit';
import { guarddutyEnabled } from './guardduty-enabled';

/** The guardduty rules, in catalog order. */
export const guarddutyRules: readonly RuleDefinition[] = [guarddutyEnabled];
