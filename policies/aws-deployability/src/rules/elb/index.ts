import { type RuleDefinition } from '@bulwark/policy-kit';
import { elbNames } from './elb-names';

/** The Elastic Load Balancing rules. */
export const elbRules: readonly RuleDefinition[] = [elbNames];
