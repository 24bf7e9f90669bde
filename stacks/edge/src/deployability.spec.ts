/**
 * What the deployability pack makes of a change AWS would reject: the edge program with its us-east-1 provider moved
 * to us-west-2 creates its CLOUDFRONT-scope web ACL where WAFv2 cannot, and `npm start` (the same packs) fails on
 * wafv2-cloudfront-scope-region.
 */
import { withResourceChange } from '@bulwark/stack-testing';
import { packFindings, runEdgeStack } from '../testing/stack-run';

const moveUsEast1ProviderToUsWest2 = (args: { type: string; props: Record<string, unknown>; opts: object }) =>
  args.type === 'pulumi:providers:aws' && args.props['region'] === 'us-east-1' ? { props: { ...args.props, region: 'us-west-2' }, opts: args.opts } : undefined;

describe('edge: a CLOUDFRONT web ACL through a us-west-2 provider', () => {
  it.each(['preview', 'update'] as const)('is a mandatory wafv2-cloudfront-scope-region finding (%s)', async (mode) => {
    const findings = await withResourceChange(moveUsEast1ProviderToUsWest2, async () => packFindings(await runEdgeStack('dev', mode)));
    const scope = findings.filter((finding) => finding.enforcement === 'mandatory' && finding.policy === 'wafv2-cloudfront-scope-region');
    expect(scope).toEqual([expect.objectContaining({ pack: 'aws-deployability', message: expect.stringContaining('has scope CLOUDFRONT but is created in us-west-2') })]);
  });

  it('the unchanged program has no such finding', async () => {
    const findings = await packFindings(await runEdgeStack('dev', 'update'));
    expect(findings.filter((finding) => finding.policy === 'wafv2-cloudfront-scope-region')).toEqual([]);
  });
});
