import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontDistribution } from '../../testing/cloudfront-test-program';
import { cloudfrontHttpsOnly } from './cloudfront-https-only';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

const detail = (message: string) => message.split('\n').pop();

describe('cloudfront-https-only', () => {
  it('Compliance: every behavior redirects to or requires HTTPS', async () => {
    const findings = await evaluate(cloudfrontHttpsOnly, [
      resource(DISTRIBUTION, {
        defaultCacheBehavior: { viewerProtocolPolicy: 'redirect-to-https' },
        orderedCacheBehaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'https-only' }],
      }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: the default behavior allows HTTP', async () => {
    const findings = await evaluate(cloudfrontHttpsOnly, [
      resource(DISTRIBUTION, { defaultCacheBehavior: { viewerProtocolPolicy: 'allow-all' } }, { name: 'site' }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'cloudfront-https-only', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::site');
    expect(detail(findings[0].message)).toBe(
      '`defaultCacheBehavior.viewerProtocolPolicy` is "allow-all"; set each to "redirect-to-https" or "https-only".',
    );
  });

  it('Noncompliance 2: an ordered behavior allows HTTP, named by its path pattern', async () => {
    const findings = await evaluate(cloudfrontHttpsOnly, [
      resource(DISTRIBUTION, {
        defaultCacheBehavior: { viewerProtocolPolicy: 'https-only' },
        orderedCacheBehaviors: [
          { pathPattern: '/static/*', viewerProtocolPolicy: 'redirect-to-https' },
          { pathPattern: '/legacy/*', viewerProtocolPolicy: 'allow-all' },
        ],
      }),
    ]);
    expect(detail(findings[0].message)).toBe(
      '`orderedCacheBehaviors[1].viewerProtocolPolicy` (pathPattern "/legacy/*") is "allow-all"; set each to "redirect-to-https" or "https-only".',
    );
  });

  it('Noncompliance 3: a behavior without a viewerProtocolPolicy', async () => {
    const findings = await evaluate(cloudfrontHttpsOnly, [resource(DISTRIBUTION, { defaultCacheBehavior: { targetOriginId: 's3' } })]);
    expect(detail(findings[0].message)).toContain('`defaultCacheBehavior.viewerProtocolPolicy` is not set');
  });

  it('Preview: unknown policies or behaviors are undecided; known bad ones are the verdict', async () => {
    const unknownBehaviors = resource(DISTRIBUTION, { defaultCacheBehavior: UNKNOWN_VALUE, orderedCacheBehaviors: UNKNOWN_VALUE });
    const unknownPolicy = resource(DISTRIBUTION, { defaultCacheBehavior: { viewerProtocolPolicy: UNKNOWN_VALUE }, orderedCacheBehaviors: [UNKNOWN_VALUE] });
    const findings = await evaluate(cloudfrontHttpsOnly, [
      unknownBehaviors,
      unknownPolicy,
      resource(
        DISTRIBUTION,
        { defaultCacheBehavior: { viewerProtocolPolicy: UNKNOWN_VALUE }, orderedCacheBehaviors: [{ pathPattern: '/x', viewerProtocolPolicy: 'allow-all' }] },
        { name: 'partly-known' },
      ),
    ]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0].urn).toContain('::partly-known');
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownBehaviors.urn, 'defaultCacheBehavior'],
      [unknownBehaviors.urn, 'orderedCacheBehaviors'],
      [unknownPolicy.urn, 'defaultCacheBehavior.viewerProtocolPolicy'],
      [unknownPolicy.urn, 'orderedCacheBehaviors[0]'],
    ]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): flags the distribution with a plain-HTTP behavior', async (mode) => {
    const findings = await evaluateProgram(
      cloudfrontHttpsOnly,
      () => {
        cloudfrontDistribution('secure', {});
        cloudfrontDistribution('mixed', {
          orderedCacheBehaviors: [
            {
              pathPattern: '/downloads/*',
              targetOriginId: 's3',
              viewerProtocolPolicy: 'allow-all',
              allowedMethods: ['GET', 'HEAD'],
              cachedMethods: ['GET', 'HEAD'],
            },
          ],
        });
      },
      { mode, stackConfig: { 'aws:region': 'us-east-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['mixed', 'cloudfront-https-only', 'mandatory'],
    ]);
    expect(detail(findings[0].message)).toContain('(pathPattern "/downloads/*") is "allow-all"');
  });
});
