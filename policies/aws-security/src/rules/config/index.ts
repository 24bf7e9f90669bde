import { type RuleDefinition } from '../../rule';
import { configRecorderEnabled } from './config-recorder-enabled';

/** The config rules, in catalog order. */
export const configRules: readonly RuleDefinition[] = [configRecorderEnabled];
