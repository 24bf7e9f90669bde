/**
 * CloudFront uses ACM certificates only from us-east-1: "To use an ACM certificate with CloudFront, make sure you
 * request (or import) the certificate in the US East (N. Virginia) Region" (the alternate domain names and HTTPS
 * requirements page). A certificate of another region makes CreateDistribution fail (InvalidViewerCertificate).
 */
import { blockValue, rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { parseArn } from '@bulwark/aws-model';
import { regionOf } from '../../lib/aws-location';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const CERTIFICATE = 'aws:acm/certificate:Certificate';

export const cloudfrontCertificateUsEast1 = stackRule({
  metadata: {
    id: 'cloudfront-certificate-us-east-1',
    title: 'CloudFront viewer certificates come from ACM in us-east-1',
    description: 'A distribution\'s viewerCertificate.acmCertificateArn must name an ACM certificate in us-east-1; CloudFront refuses certificates of other regions (InvalidViewerCertificate).',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: {},
    resourceTypes: [DISTRIBUTION, CERTIFICATE],
    remediation: 'Request or import the certificate in us-east-1 (an aws.acm.Certificate through a us-east-1 provider) and pass its ARN.',
    references: [AWS_DOCS.cloudFrontCertificates],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const distribution of graph.ofType([DISTRIBUTION])) {
      const viewer = blockValue(rawProps(distribution.props)['viewerCertificate']);
      if (viewer === UNDECIDED) {
        undecided('viewerCertificate', 'the certificate must be in us-east-1', distribution.urn);
        continue;
      }
      const value = stringValue(viewer?.['acmCertificateArn']);
      if (value === undefined) continue;
      const linked = graph.refersTo(distribution, 'viewerCertificate', [CERTIFICATE], ['arn'], value);
      for (const certificate of linked) {
        const region = regionOf(certificate);
        if (region === UNDECIDED) {
          undecided('viewerCertificate.acmCertificateArn', `certificate ${certificate.name} has a region unknown until apply; it must be in us-east-1`, distribution.urn);
        } else if (region === undefined) {
          undecided('viewerCertificate.acmCertificateArn', `no region is visible for certificate ${certificate.name} (its provider sets none); it must be in us-east-1`, distribution.urn);
        } else if (region !== 'us-east-1') {
          report(`Distribution ${distribution.name} uses certificate ${certificate.name}, created in ${region}: CloudFront uses ACM certificates only from us-east-1.`, distribution.urn);
        }
      }
      if (value === UNDECIDED) {
        if (linked.length === 0) undecided('viewerCertificate.acmCertificateArn', 'the certificate must be in us-east-1', distribution.urn);
        continue;
      }
      const region = parseArn(value)?.region;
      if (region && region !== 'us-east-1') report(`Distribution ${distribution.name}: certificate ${value} is in ${region}; CloudFront uses ACM certificates only from us-east-1.`, distribution.urn);
    }
  },
});
