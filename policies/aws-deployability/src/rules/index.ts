import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudfrontRules } from './cloudfront';
import { cloudtrailRules } from './cloudtrail';
import { cloudwatchRules } from './cloudwatch';
import { configRules } from './config';
import { elasticacheRules } from './elasticache';
import { elbRules } from './elb';
import { guarddutyRules } from './guardduty';
import { iamRules } from './iam';
import { kmsRules } from './kms';
import { lambdaRules } from './lambda';
import { rdsRules } from './rds';
import { s3Rules } from './s3';
import { vpcRules } from './vpc';
import { wafv2Rules } from './wafv2';

/** Every rule of the pack, grouped by class: service access to keys, delivery, region and scope, names, values. */
export const allRules: readonly RuleDefinition[] = [
  ...kmsRules,
  ...cloudtrailRules,
  ...configRules,
  ...s3Rules,
  ...vpcRules,
  ...wafv2Rules,
  ...cloudfrontRules,
  ...cloudwatchRules,
  ...iamRules,
  ...lambdaRules,
  ...rdsRules,
  ...elasticacheRules,
  ...elbRules,
  ...guarddutyRules,
];
