import { type RuleDefinition } from '@bulwark/policy-kit';
import { configDeliveryBucketPolicy } from './config-delivery-bucket-policy';
import { configDeliveryOrder } from './config-delivery-order';

/** The AWS Config delivery and ordering rules. */
export const configRules: readonly RuleDefinition[] = [configDeliveryBucketPolicy, configDeliveryOrder];
