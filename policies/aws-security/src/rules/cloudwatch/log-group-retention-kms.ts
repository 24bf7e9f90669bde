/**
 * CloudWatch log groups keep their events long enough to investigate an incident and encrypt them with a
 * customer managed KMS key. Retention: `retentionInDays` at least `minimumRetentionDays` (90 by default). In AWS
 * an absent retention or `0` means "never expire", which keeps events longer than any minimum, so it complies.
 * Encryption: `kmsKeyId` must be set; without it CloudWatch uses a service-owned key that the account cannot
 * restrict, rotate or audit.
 *
 * A stack rule so that an unknown `kmsKeyId` can be traced to the resource it is computed from (see
 * `lib/customer-managed-key.ts`); each log group is still judged, and reported, on its own.
 */
import { isUnknown, numberValue, rawProps, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

export interface LogGroupRetentionKmsConfig {
  readonly minimumRetentionDays: number;
}

/** Why the retention is too short, or undefined when it complies or cannot be judged yet. */
function retentionProblem(raw: unknown, minimumDays: number): string | undefined {
  if (raw === undefined || raw === null || isUnknown(raw)) return undefined;
  const days = numberValue(raw);
  if (days === UNDECIDED) return undefined;
  if (days === undefined) {
    return `retentionInDays is ${JSON.stringify(raw)}, which is not a number of days; set it to at least ${minimumDays}`;
  }
  if (days === 0) return undefined; // 0 = never expire
  if (days < 0) return `retentionInDays is ${days}, which is not a valid retention; set it to at least ${minimumDays}`;
  if (days < minimumDays) {
    return `retentionInDays is ${days}, shorter than the required ${minimumDays} days; set it to at least ${minimumDays}`;
  }
  return undefined;
}

export const logGroupRetentionKms = stackRule<LogGroupRetentionKmsConfig>({
  metadata: {
    id: 'log-group-retention-kms',
    title: 'Log groups keep events long enough and use a customer managed KMS key',
    description:
      'CloudWatch log groups must retain events for at least the configured number of days (90 by default; ' +
      'no retention or 0, meaning never expire, also complies) and set `kmsKeyId`, so logs survive long enough ' +
      'for an investigation and are encrypted under a key the account controls.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudwatch',
    controls: {},
    resourceTypes: [LOG_GROUP],
    remediation:
      'Set `retentionInDays` to a supported value of at least the minimum (90, 120, 180, 365...) and `kmsKeyId` ' +
      'to the ARN of a customer managed KMS key whose key policy lets `logs.<region>.amazonaws.com` use it.',
    decisions: [
      'An absent `retentionInDays` or 0 means "never expire" in AWS, which keeps events longer than any minimum: compliant.',
      CUSTOMER_MANAGED_KEY_DECISION,
      'Unknown values (first preview): an unknown retention, or a key reference not computed from a KMS key, is reported ' +
        'undecided; a decided problem on the log group is its only verdict.',
    ],
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
  },
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: 'integer',
        minimum: 1,
        description: 'The shortest retention, in days, a log group may set (0 / absent, never expire, always complies).',
        default: 90,
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    const minimumDays = typeof config.minimumRetentionDays === 'number' ? config.minimumRetentionDays : 90;
    for (const logGroup of resourcesOfType(args.resources, [LOG_GROUP])) {
      const props = rawProps(logGroup.props);
      const problems: string[] = [];
      const parts: string[] = [];
      const retention = retentionProblem(props['retentionInDays'], minimumDays);
      if (retention) problems.push(retention);
      else if (isUnknown(props['retentionInDays'])) parts.push('retentionInDays');
      const key = keyReferenceVerdict(logGroup, 'kmsKeyId', props['kmsKeyId']);
      if (key === 'undecided') parts.push('kmsKeyId');
      else if (key === 'missing') {
        problems.push('kmsKeyId is not set, so events are encrypted with a key the account does not control; set it to a customer managed KMS key ARN');
      } else if (key === 'aws-managed') {
        problems.push(`kmsKeyId ${describeKeyProblem(props['kmsKeyId'], key)}; set it to a customer managed KMS key ARN`);
      }
      if (problems.length > 0) report(`${problems.join('; ')}.`, logGroup.urn);
      else for (const part of parts) undecided(part, 'its value decides whether the log group keeps events long enough, encrypted with a customer managed key', logGroup.urn);
    }
  },
});
