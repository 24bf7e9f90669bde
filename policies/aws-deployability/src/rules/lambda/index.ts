import { type RuleDefinition } from '@bulwark/policy-kit';
import { lambdaRuntimeSupported } from './lambda-runtime-supported';
import { lambdaLogGroupName } from './lambda-log-group-name';

/** The Lambda rules. */
export const lambdaRules: readonly RuleDefinition[] = [lambdaRuntimeSupported, lambdaLogGroupName];
