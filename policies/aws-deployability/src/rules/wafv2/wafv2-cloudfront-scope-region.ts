/**
 * WAFv2 resources of `CLOUDFRONT` scope (web ACLs, rule groups, IP sets, regex pattern sets) exist only in
 * us-east-1: "you must create it in the US East (N. Virginia) Region". Through a provider of another region, the
 * create call fails (WAFInvalidParameterException on the scope), so the web ACL CloudFront needs never exists.
 */
import { rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { regionOf } from '../../lib/aws-location';
import { AWS_DOCS } from '../../lib/references';

const SCOPED_TYPES = [
  'aws:wafv2/webAcl:WebAcl',
  'aws:wafv2/ruleGroup:RuleGroup',
  'aws:wafv2/ipSet:IpSet',
  'aws:wafv2/regexPatternSet:RegexPatternSet',
];

export const wafv2CloudfrontScopeRegion = resourceRule({
  metadata: {
    id: 'wafv2-cloudfront-scope-region',
    title: 'CLOUDFRONT-scope WAFv2 resources are created in us-east-1',
    description:
      'A WAFv2 web ACL, rule group, IP set or regex pattern set with scope CLOUDFRONT can only be created in us-east-1 ' +
      '(through a provider, or a `region` input, of us-east-1). In any other region the create call fails.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'wafv2',
    controls: {},
    resourceTypes: SCOPED_TYPES,
    remediation: 'Create CLOUDFRONT-scope WAFv2 resources through an aws.Provider with region "us-east-1" (or set `region: "us-east-1"`).',
    references: [AWS_DOCS.wafCloudFrontRegion],
  },
  check: ({ args, report, undecided }) => {
    if (!SCOPED_TYPES.includes(args.type)) return;
    const scope = stringValue(rawProps(args.props)['scope']);
    if (scope === UNDECIDED) {
      undecided('scope', 'CLOUDFRONT scope must be created in us-east-1');
      return;
    }
    if (scope !== 'CLOUDFRONT') return;
    const region = regionOf(args as never);
    if (region === UNDECIDED) undecided('region', 'CLOUDFRONT scope must be created in us-east-1');
    else if (region === undefined) {
      undecided('region', 'no region is visible for this resource (its provider sets none); CLOUDFRONT scope needs us-east-1');
    } else if (region !== 'us-east-1') {
      report(`${args.type.split(':').pop()} ${args.name} has scope CLOUDFRONT but is created in ${region}: CLOUDFRONT scope exists only in us-east-1, so the create call fails. Create it through a us-east-1 provider.`);
    }
  },
});
