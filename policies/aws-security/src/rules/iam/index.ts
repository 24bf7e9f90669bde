import { type RuleDefinition } from '@bulwark/policy-kit';
import { iamMfaEnforced } from './iam-mfa-enforced';
import { iamNoWildcardAction } from './iam-no-wildcard-action';
import { iamNoWildcardResource } from './iam-no-wildcard-resource';
import { iamPasswordPolicy } from './iam-password-policy';
import { iamTrustPolicyNoPublicPrincipal } from './iam-trust-policy-no-public-principal';

/** The iam rules, in catalog order. */
export const iamRules: readonly RuleDefinition[] = [
  iamNoWildcardAction,
  iamNoWildcardResource,
  iamTrustPolicyNoPublicPrincipal,
  iamPasswordPolicy,
  iamMfaEnforced,
];
