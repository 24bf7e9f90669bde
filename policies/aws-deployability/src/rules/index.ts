import { type RuleDefinition } from '@bulwark/policy-kit';
import { kmsRules } from './kms';

/** Every rule of the pack, grouped by service. */
export const allRules: readonly RuleDefinition[] = [...kmsRules];
