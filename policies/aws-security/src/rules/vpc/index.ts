import { type RuleDefinition } from '@bulwark/policy-kit';
import { vpcFlowLogs } from './vpc-flow-logs';

/** The vpc rules, in catalog order. */
export const vpcRules: readonly RuleDefinition[] = [vpcFlowLogs];
