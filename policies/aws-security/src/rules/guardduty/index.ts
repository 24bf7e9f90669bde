import { type RuleDefinition } from '../../rule';
import { guarddutyEnabled } from './guardduty-enabled';

/** The guardduty rules, in catalog order. */
export const guarddutyRules: readonly RuleDefinition[] = [guarddutyEnabled];
