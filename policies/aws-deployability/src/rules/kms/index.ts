import { type RuleDefinition } from '@bulwark/policy-kit';
import { kmsKeyAdmitsAutoscaling } from './kms-key-admits-autoscaling';
import { kmsKeyAdmitsCloudtrail } from './kms-key-admits-cloudtrail';
import { kmsServiceLinkedRoleExists } from './kms-service-linked-role-exists';

/** The rules on service access to customer managed keys. */
export const kmsRules: readonly RuleDefinition[] = [kmsKeyAdmitsCloudtrail, kmsKeyAdmitsAutoscaling, kmsServiceLinkedRoleExists];
