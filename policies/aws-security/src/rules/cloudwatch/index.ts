import { type RuleDefinition } from '@bulwark/policy-kit';
import { logGroupRetentionKms } from './log-group-retention-kms';

/** The cloudwatch rules, in catalog order. */
export const cloudwatchRules: readonly RuleDefinition[] = [logGroupRetentionKms];
