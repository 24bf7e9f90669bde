import { type RuleDefinition } from '@bulwark/policy-kit';
import { wafv2CloudfrontScopeRegion } from './wafv2-cloudfront-scope-region';

/** The WAFv2 region and scope rules. */
export const wafv2Rules: readonly RuleDefinition[] = [wafv2CloudfrontScopeRegion];
