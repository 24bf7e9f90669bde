/**
 * cloudfront-waf: every CloudFront distribution is protected by a web ACL, so application-layer attacks
 * (injection, bad bots, request floods) are filtered at the edge before they reach any origin.
 *
 * Needs `webAclId` (a WAFv2 web ACL ARN, or a WAF Classic id). An unknown value (the ACL's ARN in preview)
 * counts as set; the update re-checks it with the real value.
 */
import { describeValue, isStringSet, rawProps, resourceRule } from '@bulwark/policy-kit';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

export const cloudfrontWaf = resourceRule({
  metadata: {
    id: 'cloudfront-waf',
    title: 'CloudFront distributions are associated with a WAF web ACL',
    description:
      'CloudFront distributions must set `webAclId`. A web ACL at the edge blocks common exploits, known bad ' +
      'inputs and request floods for every origin behind the distribution; without one, all of that traffic ' +
      'reaches the application.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: { fsbp: ['CloudFront.6'] },
    resourceTypes: [DISTRIBUTION],
    remediation:
      'Create an `aws.wafv2.WebAcl` with `scope: "CLOUDFRONT"` through a provider in us-east-1 (with the AWS ' +
      'managed rule groups and a rate-based rule, see wafv2-managed-rules-and-rate-limit) and set ' +
      '`webAclId: webAcl.arn` on the `aws.cloudfront.Distribution`.',
    decisions: [
      'Any non-blank `webAclId` counts: a WAFv2 web ACL ARN or a WAF Classic id; whether that ACL has the managed rules ' +
        'is wafv2-managed-rules-and-rate-limit\'s. A computed `webAclId` (the ACL\'s ARN in a first preview) names a web ' +
        'ACL whatever its value, so it is decided and gives no undecided finding.',
    ],
    references: ['https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html'],
  },
  check: ({ args, report }) => {
    if (args.type !== DISTRIBUTION) return;
    const props = rawProps(args.props);
    if (isStringSet(props['webAclId'])) return;
    report(`\`webAclId\` is ${describeValue(props['webAclId'])}; set it to the ARN of a WAFv2 web ACL with CLOUDFRONT scope.`);
  },
});
