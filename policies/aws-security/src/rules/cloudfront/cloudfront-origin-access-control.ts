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
 * catch). An unknown `originAccessControlId` counts as set. Unknown origins are reported undecided.
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
    decisions: [
      'An origin is an S3 origin when its domain is an S3 REST endpoint, when it has `s3OriginConfig`, or when it has ' +
        'neither `customOriginConfig` nor `vpcOriginConfig` (the provider then sends it as an S3 origin): so an unknown ' +
        'domain with no configuration is decided, the same in preview and update. S3 website endpoints are custom ' +
        'origins, out of scope (they need a public bucket, which the S3 rules catch).',
      'A computed `originAccessControlId` names an origin access control whatever its value: decided. A custom (or VPC) ' +
        'origin whose domain is unknown is taken as configured, not S3: a bucket reached through a custom origin must be ' +
        'public, which the S3 rules report on the bucket.',
      'Unknown values (first preview): an unknown `origins` list or origin is reported undecided; a decided problem is ' +
        'the distribution\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== DISTRIBUTION) return;
    const origins = listValue(rawProps(args.props)['origins']);
    const detail = 'its value decides whether an S3 origin is reached without origin access control';
    if (origins === UNDECIDED) {
      undecided('origins', detail);
      return;
    }
    let problems = 0;
    const parts: string[] = [];
    origins.forEach((entry, index) => {
      const origin = recordValue(entry);
      if (origin === UNDECIDED) parts.push(`origins[${index}]`);
      if (origin === undefined || origin === UNDECIDED) return;
      if (isStringSet(origin['originAccessControlId']) || !isS3Origin(origin)) return;
      problems++;

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
    if (problems === 0) for (const part of parts) undecided(part, detail);
  },
});
