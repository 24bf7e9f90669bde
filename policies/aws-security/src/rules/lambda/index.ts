import { type RuleDefinition } from '@bulwark/policy-kit';
import { lambdaEnvironmentKms } from './lambda-environment-kms';
import { lambdaNoPublicInvoke } from './lambda-no-public-invoke';

/** The lambda rules, in catalog order. */
export const lambdaRules: readonly RuleDefinition[] = [lambdaEnvironmentKms, lambdaNoPublicInvoke];
