import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontCertificateUsEast1 } from './cloudfront-certificate-us-east-1';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const arn = (region: string) => `arn:aws:acm:${region}:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;

describe('cloudfront-certificate-us-east-1', () => {
  it('Compliance: a us-east-1 certificate; the CloudFront default certificate', async () => {
    expect(await evaluate(cloudfrontCertificateUsEast1, [resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: arn('us-east-1') } }), resource(DISTRIBUTION, { viewerCertificate: { cloudfrontDefaultCertificate: true } })])).toEqual([]);
  });

  it('Noncompliance: a certificate ARN of eu-west-1; a certificate created through a eu-west-1 provider (InvalidViewerCertificate)', async () => {
    const provider = resource('pulumi:providers:aws', { region: 'eu-west-1' });
    const certificate = resource('aws:acm/certificate:Certificate', { domainName: 'example.com' }, { name: 'site', provider });
    const findings = mandatory(
      await evaluate(cloudfrontCertificateUsEast1, [
        provider,
        certificate,
        resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: arn('eu-west-1') } }),
        resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: UNKNOWN_VALUE } }, { dependsOn: { viewerCertificate: [certificate] } }),
      ]),
    );
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('is in eu-west-1'), expect.stringContaining('certificate site, created in eu-west-1')]);
  });

  it('Preview: a linked certificate whose region is unknown, or set by nothing, is undecided (not a pass)', async () => {
    const unknownProvider = resource('pulumi:providers:aws', { region: UNKNOWN_VALUE });
    const unknownRegion = resource('aws:acm/certificate:Certificate', { domainName: 'example.com' }, { name: 'unknown-region', provider: unknownProvider });
    const noRegion = resource('aws:acm/certificate:Certificate', { domainName: 'example.org' }, { name: 'no-region' });
    const findings = await evaluate(cloudfrontCertificateUsEast1, [
      unknownProvider,
      unknownRegion,
      noRegion,
      resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: UNKNOWN_VALUE } }, { dependsOn: { viewerCertificate: [unknownRegion] } }),
      resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: UNKNOWN_VALUE } }, { dependsOn: { viewerCertificate: [noRegion] } }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('certificate unknown-region'), expect.stringContaining('certificate no-region')]);
  });

  it('Preview: an unknown certificate tied to nothing is undecided', async () => {
    expect(undecided(await evaluate(cloudfrontCertificateUsEast1, [resource(DISTRIBUTION, { viewerCertificate: { acmCertificateArn: UNKNOWN_VALUE } })]))).toHaveLength(1);
  });
});
