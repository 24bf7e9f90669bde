import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudtrailBucketPolicy } from './cloudtrail-bucket-policy';
import { cloudtrailAfterBucketPolicy } from './cloudtrail-after-bucket-policy';

/** The CloudTrail delivery and ordering rules. */
export const cloudtrailRules: readonly RuleDefinition[] = [cloudtrailBucketPolicy, cloudtrailAfterBucketPolicy];
