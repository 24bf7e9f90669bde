import { type RuleDefinition } from '@bulwark/policy-kit';
import { guarddutyFeatureName } from './guardduty-feature-name';

/** The GuardDuty rules. */
export const guarddutyRules: readonly RuleDefinition[] = [guarddutyFeatureName];
