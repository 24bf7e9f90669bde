/**
 * CloudWatch Logs log groups (CreateLogGroup and PutRetentionPolicy API references): a name of 1 to 512
 * characters of `[.\-_/#A-Za-z0-9]`, not beginning with the reserved `aws/`; a retention of one of the values the
 * API accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
 * 3653 days; 0 or none keeps logs forever). Any other value fails the create call.
 */
import { numberValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { checkNamedInputs, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

/** The retention periods PutRetentionPolicy accepts, in days. */
export const RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const NAMED: readonly NamedInput[] = [
  {
    type: LOG_GROUP,
    property: 'name',
    prefixProperty: 'namePrefix',
    rule: { what: 'log group name', min: 1, max: 512, characters: '.\\-_/#A-Za-z0-9', reservedPrefixes: ['aws/'] },
  },
];

export const logGroupName = resourceRule({
  metadata: {
    id: 'log-group-name',
    title: 'Log groups have names and retention periods CloudWatch Logs accepts',
    description:
      'A log group name holds 1 to 512 characters of letters, digits and . - _ / #, and does not begin with "aws/"; ' +
      '`retentionInDays` is one of the periods PutRetentionPolicy accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, ' +
      '365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653). Anything else fails the deploy.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudwatch',
    controls: {},
    resourceTypes: [LOG_GROUP],
    remediation: 'Use a name of the allowed characters and pick the nearest accepted retention period (e.g. 365 or 400 days).',
    references: [AWS_DOCS.logsGroupNames, AWS_DOCS.logsRetention],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== LOG_GROUP) return;
    const props = rawProps(args.props);
    checkNamedInputs(NAMED, args.type, props, report, undecided, stringValue);
    const retention = numberValue(props['retentionInDays']);
    if (retention === UNDECIDED) undecided('retentionInDays', 'a period CloudWatch Logs does not accept fails the deploy');
    else if (retention !== undefined && retention !== 0 && !RETENTION_DAYS.includes(retention)) {
      const nearest = RETENTION_DAYS.reduce((best, days) => (Math.abs(days - retention) < Math.abs(best - retention) ? days : best));
      report(`Log group ${args.name}: retentionInDays ${retention} is not a period CloudWatch Logs accepts (nearest: ${nearest}); PutRetentionPolicy fails.`);
    }
  },
});
