import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudtrailSecure } from './cloudtrail-secure';
import { cloudtrailDataEvents } from './cloudtrail-data-events';

/** The cloudtrail rules, in catalog order. */
export const cloudtrailRules: readonly RuleDefinition[] = [cloudtrailSecure, cloudtrailDataEvents];
