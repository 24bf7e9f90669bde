import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontDistribution } from '../../testing/cloudfront-test-program';
import { cloudfrontWaf } from './cloudfront-waf';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

describe('cloudfront-waf', () => {
  it('Compliance: a distribution with a web ACL', async () => {
    const findings = await evaluate(cloudfrontWaf, [
      resource(DISTRIBUTION, { webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/a1b2c3d4' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: no webAclId', async () => {
    const findings = await evaluate(cloudfrontWaf, [resource(DISTRIBUTION, { enabled: true }, { name: 'site' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'cloudfront-waf', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::site');
    expect(findings[0].message.split('\n').pop()).toBe(
      '`webAclId` is not set; set it to the ARN of a WAFv2 web ACL with CLOUDFRONT scope.',
    );
  });

  it('Noncompliance 2: a blank webAclId', async () => {
    const findings = await evaluate(cloudfrontWaf, [resource(DISTRIBUTION, { webAclId: '  ' })]);
    expect(findings[0].message).toContain('`webAclId` is "  "');
  });

  it('Preview: an unknown web ACL ARN counts as set and does not throw', async () => {
    expect(await evaluate(cloudfrontWaf, [resource(DISTRIBUTION, { webAclId: UNKNOWN_VALUE, origins: UNKNOWN_VALUE })])).toEqual([]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): the ACL ARN (unknown in preview) protects one distribution', async (mode) => {
    const findings = await evaluateProgram(
      cloudfrontWaf,
      () => {
        const acl = new aws.wafv2.WebAcl('edge', {
          scope: 'CLOUDFRONT',
          defaultAction: { allow: {} },
          visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'edge' },
        });
        cloudfrontDistribution('protected', { webAclId: acl.arn });
        cloudfrontDistribution('unprotected', {});
      },
      { mode, stackConfig: { 'aws:region': 'us-east-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['unprotected', 'cloudfront-waf', 'mandatory'],
    ]);
  });
});
