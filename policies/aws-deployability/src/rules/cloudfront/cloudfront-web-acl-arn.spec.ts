import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontWebAclArn } from './cloudfront-web-acl-arn';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const WEB_ACL = 'aws:wafv2/webAcl:WebAcl';
const GLOBAL_ARN = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('cloudfront-web-acl-arn', () => {
  it('Compliance: the ARN of a CLOUDFRONT-scope web ACL', async () => {
    const acl = resource(WEB_ACL, { scope: 'CLOUDFRONT', arn: GLOBAL_ARN });
    expect(await evaluate(cloudfrontWebAclArn, [acl, resource(DISTRIBUTION, { webAclId: GLOBAL_ARN }, { dependsOn: { webAclId: [acl] } })])).toEqual([]);
  });

  it('Noncompliance 1: a REGIONAL web ACL (InvalidWebACLId)', async () => {
    const acl = resource(WEB_ACL, { scope: 'REGIONAL' }, { name: 'regional' });
    const findings = mandatory(await evaluate(cloudfrontWebAclArn, [acl, resource(DISTRIBUTION, { webAclId: 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/x/1' }, { dependsOn: { webAclId: [acl] } })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('of scope REGIONAL'), expect.stringContaining('not a CLOUDFRONT-scope (global/webacl)')]);
  });

  it("Noncompliance 2: the web ACL's id instead of its ARN", async () => {
    const acl = resource(WEB_ACL, { scope: 'CLOUDFRONT', id: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' });
    const findings = mandatory(await evaluate(cloudfrontWebAclArn, [acl, resource(DISTRIBUTION, { webAclId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' }, { dependsOn: { webAclId: [acl] } })]));
    expect(findings[0]?.message).toContain('is not a web ACL ARN');
  });

  it('Preview: an unknown webAclId is undecided (id or ARN is known only in the update)', async () => {
    const acl = resource(WEB_ACL, { scope: 'CLOUDFRONT' });
    const findings = await evaluate(cloudfrontWebAclArn, [acl, resource(DISTRIBUTION, { webAclId: UNKNOWN_VALUE }, { dependsOn: { webAclId: [acl] } })]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });
});
