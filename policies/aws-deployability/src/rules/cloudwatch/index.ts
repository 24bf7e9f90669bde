import { type RuleDefinition } from '@bulwark/policy-kit';
import { logGroupName } from './log-group-name';

/** The CloudWatch Logs rules. */
export const cloudwatchRules: readonly RuleDefinition[] = [logGroupName];
