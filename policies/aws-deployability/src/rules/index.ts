import { type RuleDefinition } from '@bulwark/policy-kit';
import { guarddutyRules } from './guardduty';
import { iamRules } from './iam';
import { kmsRules } from './kms';
import { lambdaRules } from './lambda';
import { rdsRules } from './rds';
import { s3Rules } from './s3';
import { vpcRules } from './vpc';
import { wafv2Rules } from './wafv2';

/** Every rule of the pack, grouped by service. */
export const allRules: readonly RuleDefinition[] = [
  ...kmsRules,
  ...s3Rules,
  ...vpcRules,
  ...wafv2Rules,
  ...iamRules,
  ...lambdaRules,
  ...rdsRules,
  ...guarddutyRules,
];
