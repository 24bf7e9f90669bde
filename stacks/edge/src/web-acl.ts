import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type EdgeStackConfig } from './config';

/** The AWS managed rule groups every web ACL runs, in evaluation order after the rate limit. */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'] as const;

function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * The distribution's WAFv2 web ACL (CLOUDFRONT scope, so created through the us-east-1 provider): a per-client
 * rate limit that blocks, then the AWS managed Common, KnownBadInputs and SQLi groups in blocking mode, with
 * CloudWatch metrics and sampled requests on the ACL and every rule.
 */
export function createWebAcl(config: EdgeStackConfig, opts: pulumi.CustomResourceOptions): aws.wafv2.WebAcl {
  const name = physicalName(config, 'wafv2-web-acl', 'edge');
  return new aws.wafv2.WebAcl(
    'edge',
    {
      name,
      description: `${config.project} ${config.environment} CloudFront protection`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rules: [
        {
          name: 'rate-limit-per-ip',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: config.settings.rateLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility(`${name}-rate-limit`),
        },
        ...MANAGED_RULE_GROUPS.map((group, index) => ({
          name: group,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } },
          visibilityConfig: visibility(`${name}-${group}`),
        })),
      ],
    },
    opts,
  );
}
