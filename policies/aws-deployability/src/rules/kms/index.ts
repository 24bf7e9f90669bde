import { type RuleDefinition } from '@bulwark/policy-kit';
import { kmsKeyAdmitsCloudtrail } from './kms-key-admits-cloudtrail';
import { kmsKeyAdmitsCloudwatchLogs } from './kms-key-admits-cloudwatch-logs';
import { kmsKeyAdmitsDeliveryServices } from './kms-key-admits-delivery-services';
import { kmsKeyAdmitsAutoscaling } from './kms-key-admits-autoscaling';
import { kmsKeyAdmitsAccountServices } from './kms-key-admits-account-services';
import { kmsServiceLinkedRoleExists } from './kms-service-linked-role-exists';

/** The rules on service access to customer managed keys. */
export const kmsRules: readonly RuleDefinition[] = [kmsKeyAdmitsCloudtrail, kmsKeyAdmitsCloudwatchLogs, kmsKeyAdmitsDeliveryServices, kmsKeyAdmitsAutoscaling, kmsKeyAdmitsAccountServices, kmsServiceLinkedRoleExists];
