import { type RuleDefinition } from '@bulwark/policy-kit';
import { lambdaRuntimeSupported } from './lambda-runtime-supported';

/** The Lambda rules. */
export const lambdaRules: readonly RuleDefinition[] = [lambdaRuntimeSupported];
