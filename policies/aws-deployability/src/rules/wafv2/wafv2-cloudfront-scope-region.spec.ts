import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { wafv2CloudfrontScopeRegion } from './wafv2-cloudfront-scope-region';

const ACL = 'aws:wafv2/webAcl:WebAcl';

describe('wafv2-cloudfront-scope-region', () => {
  const east = resource('pulumi:providers:aws', { region: 'us-east-1' }, { name: 'use1' });
  const west = resource('pulumi:providers:aws', { region: 'us-west-2' }, { name: 'usw2' });

  it('Compliance: CLOUDFRONT scope through a us-east-1 provider; REGIONAL scope anywhere', async () => {
    expect(await evaluate(wafv2CloudfrontScopeRegion, [east, west, resource(ACL, { scope: 'CLOUDFRONT' }, { provider: east }), resource(ACL, { scope: 'REGIONAL' }, { provider: west })])).toEqual([]);
    // A resource-level region input overrides the provider's.
    expect(await evaluate(wafv2CloudfrontScopeRegion, [west, resource(ACL, { scope: 'CLOUDFRONT', region: 'us-east-1' }, { provider: west })])).toEqual([]);
  });

  it('Noncompliance 1: a CLOUDFRONT web ACL through a us-west-2 provider', async () => {
    const findings = mandatory(await evaluate(wafv2CloudfrontScopeRegion, [west, resource(ACL, { scope: 'CLOUDFRONT' }, { name: 'edge', provider: west })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('WebAcl edge has scope CLOUDFRONT but is created in us-west-2');
  });

  it('Noncompliance 2: an IP set of CLOUDFRONT scope with a region input of eu-west-1', async () => {
    const findings = mandatory(await evaluate(wafv2CloudfrontScopeRegion, [east, resource('aws:wafv2/ipSet:IpSet', { scope: 'CLOUDFRONT', region: 'eu-west-1' }, { provider: east })]));
    expect(findings).toHaveLength(1);
  });

  it('Preview: an unknown scope or region is undecided, never a pass', async () => {
    const findings = await evaluate(wafv2CloudfrontScopeRegion, [west, resource(ACL, { scope: UNKNOWN_VALUE }, { provider: west }), resource(ACL, { scope: 'CLOUDFRONT', region: UNKNOWN_VALUE }, { provider: west })]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.property).sort()).toEqual(['region', 'scope']);
  });

  it.each(['preview', 'update'] as const)('a real program (%s): the default provider in us-west-2 is refused, a us-east-1 provider passes', async (mode) => {
    const acl = (name: string, opts = {}) =>
      new aws.wafv2.WebAcl(name, { scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name } }, opts);
    const findings = await evaluateProgram(
      wafv2CloudfrontScopeRegion,
      () => {
        acl('wrong-region');
        acl('right-region', { provider: new aws.Provider('use1', { region: 'us-east-1' }) });
      },
      { mode, stackConfig: { 'aws:region': 'us-west-2' } },
    );
    expect(mandatory(findings).map((finding) => finding.urn)).toEqual([expect.stringMatching(/::wrong-region$/)]);
  });
});
