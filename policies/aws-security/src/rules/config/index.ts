import { type RuleDefinition } from '@bulwark/policy-kit';
import { configRecorderEnabled } from './config-recorder-enabled';

/** The config rules, in catalog order. */
export const configRules: readonly RuleDefinition[] = [configRecorderEnabled];
