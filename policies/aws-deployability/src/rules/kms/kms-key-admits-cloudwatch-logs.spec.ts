import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy, serviceStatement } from '../../testing/key-policies';
import { kmsKeyAdmitsCloudwatchLogs } from './kms-key-admits-cloudwatch-logs';

const provider = resource('pulumi:providers:aws', { region: 'eu-west-1' }, { name: 'euw1' });
const logsStatement = (region: string) =>
  serviceStatement(`logs.${region}.amazonaws.com`, ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'], {
    ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${ACCOUNT}:log-group:*` },
  });

function stack(policy: unknown) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'logs', provider });
  const group = resource('aws:cloudwatch/logGroup:LogGroup', { name: '/bulwark/app', kmsKeyId: UNKNOWN_VALUE }, { name: 'app', dependsOn: { kmsKeyId: [key] }, provider });
  return [provider, key, group];
}

describe('kms-key-admits-cloudwatch-logs', () => {
  it("Compliance: the CloudWatch Logs guide's statement for the key's region", async () => {
    expect(await evaluate(kmsKeyAdmitsCloudwatchLogs, stack(keyPolicy(logsStatement('eu-west-1'))))).toEqual([]);
  });

  it('Noncompliance 1: no CloudWatch Logs statement (the log group cannot be created with the key)', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsCloudwatchLogs, stack(keyPolicy())));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('logs.eu-west-1.amazonaws.com calling kms:Encrypt, kms:Decrypt, kms:GenerateDataKey');
  });

  it("Noncompliance 2: the statement names another region's Logs principal", async () => {
    expect(mandatory(await evaluate(kmsKeyAdmitsCloudwatchLogs, stack(keyPolicy(logsStatement('us-east-1')))))).toHaveLength(1);
  });

  it('Preview: an unknown key policy is undecided', async () => {
    expect(undecided(await evaluate(kmsKeyAdmitsCloudwatchLogs, stack(UNKNOWN_VALUE)))).toHaveLength(1);
  });
});
