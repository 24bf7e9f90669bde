import { runProgram } from '@bulwark/offline';
import { EncryptedLogGroup } from './encrypted-log-group';
import { componentTestConfig, onlyResourceOfType } from '../testing';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe.each(['preview', 'update'] as const)('EncryptedLogGroup (%s)', (mode) => {
  it('sets the KMS key and the retention on the log group', async () => {
    const result = await runProgram(
      () => {
        new EncryptedLogGroup('flow-logs', { kmsKeyArn: KEY_ARN, retentionInDays: 731, logGroupName: '/bulwark/dev/flow-logs' });
      },
      { mode, config: componentTestConfig },
    );
    const component = onlyResourceOfType(result, 'bulwark:core:EncryptedLogGroup');
    const logGroup = onlyResourceOfType(result, 'aws:cloudwatch/logGroup:LogGroup');
    expect(logGroup.parent).toBe(component.urn);
    expect(logGroup.inputs).toMatchObject({ kmsKeyId: KEY_ARN, retentionInDays: 731, name: '/bulwark/dev/flow-logs' });
  });

  it('defaults to a year of retention', async () => {
    const result = await runProgram(() => {
      new EncryptedLogGroup('app', { kmsKeyArn: KEY_ARN });
    }, { mode, config: componentTestConfig });
    expect(onlyResourceOfType(result, 'aws:cloudwatch/logGroup:LogGroup').inputs).toMatchObject({ kmsKeyId: KEY_ARN, retentionInDays: 365 });
  });
});

describe('EncryptedLogGroup rejects', () => {
  it.each([30, 100])('a retention of %i days', (days) => {
    expect(() => new EncryptedLogGroup('short', { kmsKeyArn: KEY_ARN, retentionInDays: days })).toThrow(
      new RegExp(`EncryptedLogGroup "short": retentionInDays ${days} must be a CloudWatch retention of at least 90 days: one of 90, 120`),
    );
  });
});
