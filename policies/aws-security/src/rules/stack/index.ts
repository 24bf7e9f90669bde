import { type RuleDefinition } from '../../rule';
import { accountBaselineComplete } from './account-baseline-complete';

/** The stack rules, in catalog order. */
export const stackRules: readonly RuleDefinition[] = [accountBaselineComplete];
