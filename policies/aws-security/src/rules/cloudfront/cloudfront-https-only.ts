/**
 * cloudfront-https-only: viewers reach a CloudFront distribution only over HTTPS. A behavior that allows plain
 * HTTP lets anyone on the network path read or rewrite responses, including cookies and tokens.
 *
 * Checks `defaultCacheBehavior` and every `orderedCacheBehaviors` entry: `viewerProtocolPolicy` must be
 * `redirect-to-https` or `https-only`. Unknown values (preview) are reported undecided.
 */
import { blockValue, describeValue, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';
const HTTPS_POLICIES: readonly string[] = ['redirect-to-https', 'https-only'];

export const cloudfrontHttpsOnly = resourceRule({
  metadata: {
    id: 'cloudfront-https-only',
    title: 'CloudFront distributions require HTTPS from viewers',
    description:
      'Every cache behavior of a CloudFront distribution (the default one and each ordered one) must set ' +
      '`viewerProtocolPolicy` to `redirect-to-https` or `https-only`. `allow-all` serves content over plain ' +
      'HTTP, where it can be read and tampered with in transit.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: { fsbp: ['CloudFront.3'] },
    resourceTypes: [DISTRIBUTION],
    remediation:
      'Set `viewerProtocolPolicy: "redirect-to-https"` (or `"https-only"` for APIs) on `defaultCacheBehavior` and on ' +
      'every entry of `orderedCacheBehaviors` of the `aws.cloudfront.Distribution`.',
    decisions: [
      'Every behavior counts, the default one and each ordered one; an absent `viewerProtocolPolicy` is not a valid ' +
        'behavior and is reported.',
      'Unknown values (first preview): an unknown behavior, behavior list or `viewerProtocolPolicy` is reported ' +
        'undecided; a decided plain-HTTP behavior is the distribution\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== DISTRIBUTION) return;
    const props = rawProps(args.props);
    const offenders: string[] = [];
    const parts: string[] = [];
    const judge = (behavior: unknown, label: string) => {
      const block = label === 'defaultCacheBehavior' ? blockValue(behavior) : recordValue(behavior);
      if (block === UNDECIDED) parts.push(label);
      if (block === undefined || block === UNDECIDED) return;
      const raw = block['viewerProtocolPolicy'];
      const policy = stringValue(raw);
      if (policy === UNDECIDED) parts.push(`${label}.viewerProtocolPolicy`);
      if (policy === UNDECIDED || (policy !== undefined && HTTPS_POLICIES.includes(policy))) return;
      const path = stringValue(block['pathPattern']);
      const where = typeof path === 'string' ? ` (pathPattern ${JSON.stringify(path)})` : '';
      offenders.push(`\`${label}.viewerProtocolPolicy\`${where} is ${describeValue(raw)}`);
    };

    judge(props['defaultCacheBehavior'], 'defaultCacheBehavior');
    const ordered = listValue(props['orderedCacheBehaviors']);
    if (ordered === UNDECIDED) parts.push('orderedCacheBehaviors');
    else ordered.forEach((behavior, index) => judge(behavior, `orderedCacheBehaviors[${index}]`));
    if (offenders.length === 0) {
      for (const part of parts) undecided(part, 'its value decides whether viewers may use plain HTTP');
      return;
    }
    report(`${offenders.join('; ')}; set each to "redirect-to-https" or "https-only".`);
  },
});
