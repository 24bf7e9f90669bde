import { type RuleDefinition } from '@bulwark/policy-kit';
import { requiredTags } from './required-tags';
import { noHardcodedAccountIds } from './no-hardcoded-account-ids';

/** The tagging rules, in catalog order. */
export const taggingRules: readonly RuleDefinition[] = [requiredTags, noHardcodedAccountIds];
