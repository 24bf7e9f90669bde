/**
 * A distribution's `webAclId` names its AWS WAF web ACL: for WAFv2, the ARN of a web ACL of CLOUDFRONT scope
 * (`arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>`), as the DistributionConfig API reference says
 * ("specify the ACL ARN"). A REGIONAL web ACL, or the ACL's id instead of its ARN, makes CreateDistribution fail
 * (InvalidWebACLId).
 */
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { parseArn } from '@bulwark/aws-model';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const WEB_ACL = 'aws:wafv2/webAcl:WebAcl';

export const cloudfrontWebAclArn = stackRule({
  metadata: {
    id: 'cloudfront-web-acl-arn',
    title: "A distribution's webAclId is the ARN of a CLOUDFRONT-scope web ACL",
    description:
      'CloudFront takes a WAFv2 web ACL by its ARN, and only one of CLOUDFRONT scope (global/webacl, created in ' +
      'us-east-1). A REGIONAL web ACL or the ACL\'s id instead of its ARN makes CreateDistribution fail with InvalidWebACLId.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: {},
    resourceTypes: [DISTRIBUTION, WEB_ACL],
    remediation: 'Pass `webAcl.arn` (not `webAcl.id`) of a web ACL with `scope: "CLOUDFRONT"` created through a us-east-1 provider.',
    references: [AWS_DOCS.cloudFrontDistributionWebAclId, AWS_DOCS.cloudFrontWaf],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const distribution of graph.ofType([DISTRIBUTION])) {
      const raw = rawProps(distribution.props)['webAclId'];
      const value = stringValue(raw);
      if (value === undefined) continue;
      for (const acl of graph.refersTo(distribution, 'webAclId', [WEB_ACL], ['arn'])) {
        const scope = stringValue(rawProps(acl.props)['scope']);
        if (typeof scope === 'string' && scope !== 'CLOUDFRONT') {
          report(`Distribution ${distribution.name} uses web ACL ${acl.name}, of scope ${scope}: CloudFront accepts only CLOUDFRONT-scope web ACLs (InvalidWebACLId).`, distribution.urn);
        }
      }
      if (value === UNDECIDED) {
        undecided('webAclId', 'CloudFront needs the ARN of the web ACL, not its id; the value decides', distribution.urn);
        continue;
      }
      const arn = parseArn(value);
      if (!arn) {
        if (graph.refersTo(distribution, 'webAclId', [WEB_ACL], ['id', 'arn']).length > 0 || !/^[0-9a-f-]{36}$/.test(value)) {
          report(`Distribution ${distribution.name}: webAclId "${value}" is not a web ACL ARN; CloudFront needs the WAFv2 web ACL's ARN (webAcl.arn).`, distribution.urn);
        }
      } else if (arn.service === 'wafv2' && !arn.resource.startsWith('global/webacl/')) {
        report(`Distribution ${distribution.name}: webAclId ${value} is not a CLOUDFRONT-scope (global/webacl) web ACL; CloudFront refuses it (InvalidWebACLId).`, distribution.urn);
      }
    }
  },
});
