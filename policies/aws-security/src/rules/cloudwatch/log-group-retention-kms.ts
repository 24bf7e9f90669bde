/**
 * CloudWatch log groups keep their events long enough to investigate an incident and encrypt them with a
 * customer managed KMS key. Retention: `retentionInDays` at least `minimumRetentionDays` (90 by default). In AWS
 * an absent retention or `0` means "never expire", which keeps events longer than any minimum, so it complies.
 * Encryption: `kmsKeyId` must be set; without it CloudWatch uses a service-owned key that the account cannot
 * restrict, rotate or audit.
 */
import { isStringSet, isUnknown, numberValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

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

export const logGroupRetentionKms = resourceRule<LogGroupRetentionKmsConfig>({
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
  check: ({ args, config, report }) => {
    if (args.type !== LOG_GROUP) return;
    const props = rawProps(args.props);
    const minimumDays = typeof config.minimumRetentionDays === 'number' ? config.minimumRetentionDays : 90;
    const problems: string[] = [];
    const retention = retentionProblem(props['retentionInDays'], minimumDays);
    if (retention) problems.push(retention);
    if (!isStringSet(props['kmsKeyId'])) {
      problems.push('kmsKeyId is not set, so events are encrypted with a key the account does not control; set it to a customer managed KMS key ARN');
    }
    if (problems.length > 0) report(`${problems.join('; ')}.`);
  },
});
