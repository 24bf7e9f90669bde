import { type RuleDefinition } from '@bulwark/policy-kit';
import { s3Rules } from './s3';
import { kmsRules } from './kms';
import { iamRules } from './iam';
import { ec2Rules } from './ec2';
import { vpcRules } from './vpc';
import { cloudwatchRules } from './cloudwatch';
import { cloudtrailRules } from './cloudtrail';
import { guarddutyRules } from './guardduty';
import { configRules } from './config';
import { stackRules } from './stack';
import { rdsRules } from './rds';
import { dynamodbRules } from './dynamodb';
import { elasticacheRules } from './elasticache';
import { lambdaRules } from './lambda';
import { cloudfrontRules } from './cloudfront';
import { wafv2Rules } from './wafv2';
import { taggingRules } from './tagging';

/** Every rule of the pack, grouped by service in catalog order. */
export const allRules: readonly RuleDefinition[] = [
  ...s3Rules,
  ...kmsRules,
  ...iamRules,
  ...ec2Rules,
  ...vpcRules,
  ...cloudwatchRules,
  ...cloudtrailRules,
  ...guarddutyRules,
  ...configRules,
  ...stackRules,
  ...rdsRules,
  ...dynamodbRules,
  ...elasticacheRules,
  ...lambdaRules,
  ...cloudfrontRules,
  ...wafv2Rules,
  ...taggingRules,
];
