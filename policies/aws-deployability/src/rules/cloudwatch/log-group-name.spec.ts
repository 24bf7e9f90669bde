import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { logGroupName } from './log-group-name';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

describe('log-group-name', () => {
  it('Compliance: a path-like name and an accepted retention', async () => {
    expect(await evaluate(logGroupName, [resource(LOG_GROUP, { name: '/aws/lambda/worker', retentionInDays: 365 }), resource(LOG_GROUP, { name: 'aws-waf-logs-edge', retentionInDays: 400 })])).toEqual([]);
  });

  it('Noncompliance: a colon in the name, the reserved aws/ prefix, 100 days of retention', async () => {
    const findings = mandatory(await evaluate(logGroupName, [resource(LOG_GROUP, { name: 'app:logs' }), resource(LOG_GROUP, { name: 'aws/custom' }), resource(LOG_GROUP, { name: 'ok', retentionInDays: 100 }, { name: 'app' })]));
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('contains ":"'),
      expect.stringContaining('reserved prefix "aws/"'),
      expect.stringContaining('retentionInDays 100 is not a period CloudWatch Logs accepts (nearest: 90)'),
    ]);
  });

  it('Preview: an unknown retention is undecided', async () => {
    expect(undecided(await evaluate(logGroupName, [resource(LOG_GROUP, { name: 'x', retentionInDays: UNKNOWN_VALUE })])).map((finding) => finding.property)).toEqual(['retentionInDays']);
  });
});
