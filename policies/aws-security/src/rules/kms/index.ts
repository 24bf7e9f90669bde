import { type RuleDefinition } from '@bulwark/policy-kit';
import { kmsKeyPolicyNoPublicPrincipal } from './kms-key-policy-no-public-principal';
import { kmsKeyPolicySeparationOfDuties } from './kms-key-policy-separation-of-duties';
import { kmsKeyRotation } from './kms-key-rotation';

/** The kms rules, in catalog order. */
export const kmsRules: readonly RuleDefinition[] = [kmsKeyPolicyNoPublicPrincipal, kmsKeyPolicySeparationOfDuties, kmsKeyRotation];
