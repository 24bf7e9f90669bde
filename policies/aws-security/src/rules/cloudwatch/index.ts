import { type RuleDefinition } from '../../rule';
import { logGroupRetentionKms } from './log-group-retention-kms';

/** The cloudwatch rules, in catalog order. */
export const cloudwatchRules: readonly RuleDefinition[] = [logGroupRetentionKms];
