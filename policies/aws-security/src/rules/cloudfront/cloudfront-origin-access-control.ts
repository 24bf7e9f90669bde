/**
 * cloudfront-origin-access-control: CloudFront reads S3 origins through origin access control (OAC), so the
 * bucket can stay private and grant read access only to this distribution (`AWS:SourceArn`), with SigV4
 * signing, SSE-KMS objects and every region supported. The legacy origin access identity (OAI) lacks all of
 * that, and an S3 origin with neither means the bucket must be public.
 *
 * An origin is an S3 origin when its `domainName` is an S3 REST endpoint, when it has an `s3OriginConfig`, or
 * when it has neither `customOriginConfig` nor `vpcOriginConfig`: the provider then sends it to CloudFront as
 * an S3 origin, so in a first-time preview (domain name unknown, typically `bucket.bucketRegionalDomainName`)
 * the verdict is the same as in the update. Custom and VPC origins with a non-S3 domain are out of scope (S3
 * website endpoints are custom origins: they cannot use OAC and need a public bucket, which the S3 rules
 * catch). An unknown `originAccessControlId` counts as set.
 */
import { blockValue, isStringSet, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { isS3RestEndpoint } from '../../lib/s3-endpoint';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

function isS3Origin(origin: Record<string, unknown>): boolean {
  const domain = stringValue(origin['domainName']);
  if (typeof domain === 'string' && isS3RestEndpoint(domain)) return true;
  if (blockValue(origin['s3OriginConfig']) !== undefined) return true;
  return blockValue(origin['customOriginConfig']) === undefined && blockValue(origin['vpcOriginConfig']) === undefined;
}

/** How a message names an origin: its index, id and domain. */
function describeOrigin(origin: Record<string, unknown>, index: number): string {
  const originId = stringValue(origin['originId']);
  const domain = stringValue(origin['domainName']);
  const details = typeof originId === 'string' ? [`originId "${originId}"`] : [];
  if (typeof domain === 'string') details.push(`domain "${domain}"`);
  else if (domain === UNDECIDED) details.push('domain not known until the update');
  return details.length > 0 ? `\`origins[${index}]\` (${details.join(', ')})` : `\`origins[${index}]\``;
}

export const cloudfrontOriginAccessControl = resourceRule({
  metadata: {
    id: 'cloudfront-origin-access-control',
    title: 'CloudFront S3 origins use origin access control',
    description:
      'Every S3 origin of a CloudFront distribution must set `originAccessControlId`. Origin access control lets ' +
      'the bucket stay private and trust only this distribution; the legacy origin access identity ' +
      '(`s3OriginConfig.originAccessIdentity`) does not support SSE-KMS, all regions or per-distribution ' +
      'scoping, and an S3 origin with no access control needs a public bucket.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: { fsbp: ['CloudFront.13'] },
    resourceTypes: [DISTRIBUTION],
    remediation:
      'Create an `aws.cloudfront.OriginAccessControl` (`originAccessControlOriginType: "s3"`, ' +
      '`signingBehavior: "always"`, `signingProtocol: "sigv4"`), set `originAccessControlId` on the S3 origin, drop ' +
      'the `originAccessIdentity`, and grant `cloudfront.amazonaws.com` `s3:GetObject` in the bucket policy with an ' +
      '`AWS:SourceArn` condition naming the distribution.',
  },
  check: ({ args, report }) => {
    if (args.type !== DISTRIBUTION) return;
    const origins = listValue(rawProps(args.props)['origins']);
    if (origins === UNDECIDED) return;
    origins.forEach((entry, index) => {
      const origin = recordValue(entry);
      if (origin === undefined || origin === UNDECIDED) return;
      if (isStringSet(origin['originAccessControlId']) || !isS3Origin(origin)) return;

      const name = describeOrigin(origin, index);
      const s3Config = blockValue(origin['s3OriginConfig']);
      const usesIdentity = s3Config !== undefined && s3Config !== UNDECIDED && isStringSet(s3Config['originAccessIdentity']);
      report(
        usesIdentity
          ? `${name} uses a legacy origin access identity (\`s3OriginConfig.originAccessIdentity\`) and no ` +
              '`originAccessControlId`; create an `aws.cloudfront.OriginAccessControl`, set `originAccessControlId` and ' +
              'remove the identity.'
          : `${name} is an S3 origin with no \`originAccessControlId\`, so its bucket would have to be public; set ` +
              '`originAccessControlId` to an `aws.cloudfront.OriginAccessControl` (or, for a non-S3 origin, set ' +
              '`customOriginConfig`).',
      );
    });
  },
});
