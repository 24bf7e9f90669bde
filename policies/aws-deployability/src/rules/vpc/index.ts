import { type RuleDefinition } from '@bulwark/policy-kit';
import { vpcFlowLogDelivery } from './vpc-flow-log-delivery';
import { flowLogAfterPermissions } from './flow-log-after-permissions';

/** The VPC flow log rules. */
export const vpcRules: readonly RuleDefinition[] = [vpcFlowLogDelivery, flowLogAfterPermissions];
