import { type RuleDefinition } from '../../rule';
import { cloudtrailSecure } from './cloudtrail-secure';
import { cloudtrailDataEvents } from './cloudtrail-data-events';

/** The cloudtrail rules, in catalog order. */
export const cloudtrailRules: readonly RuleDefinition[] = [cloudtrailSecure, cloudtrailDataEvents];
