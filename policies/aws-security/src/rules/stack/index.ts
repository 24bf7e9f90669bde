import { type RuleDefinition } from '@bulwark/policy-kit';
import { accountBaselineComplete } from './account-baseline-complete';

/** The stack rules, in catalog order. */
export const stackRules: readonly RuleDefinition[] = [accountBaselineComplete];
