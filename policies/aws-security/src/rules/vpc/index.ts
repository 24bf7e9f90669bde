import { type RuleDefinition } from '../../rule';
import { vpcFlowLogs } from './vpc-flow-logs';

/** The vpc rules, in catalog order. */
export const vpcRules: readonly RuleDefinition[] = [vpcFlowLogs];
