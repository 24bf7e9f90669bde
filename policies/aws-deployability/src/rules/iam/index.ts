import { type RuleDefinition } from '@bulwark/policy-kit';
import { iamMfaSelfEnrolment } from './iam-mfa-self-enrolment';
import { iamNameLimits } from './iam-name-limits';
import { iamPasswordPolicyBounds } from './iam-password-policy-bounds';

/** The IAM rules. */
export const iamRules: readonly RuleDefinition[] = [iamMfaSelfEnrolment, iamNameLimits, iamPasswordPolicyBounds];
