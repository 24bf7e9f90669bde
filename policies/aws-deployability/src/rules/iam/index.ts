import { type RuleDefinition } from '@bulwark/policy-kit';
import { iamMfaSelfEnrolment } from './iam-mfa-self-enrolment';

/** The IAM rules. */
export const iamRules: readonly RuleDefinition[] = [iamMfaSelfEnrolment];
