import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { kmsKeyAdmitsAccountServices } from './kms-key-admits-account-services';

const provider = resource('pulumi:providers:aws', { region: 'eu-west-1' }, { name: 'euw1' });
const onlyService = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function stack(policy: unknown) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'data', provider });
  const table = resource('aws:dynamodb/table:Table', { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_VALUE } }, { name: 'orders', dependsOn: { serverSideEncryption: [key] }, provider });
  return [provider, key, table];
}

describe('kms-key-admits-account-services', () => {
  it('Compliance: the account root statement (the default key policy), or "*" through DynamoDB for the account', async () => {
    expect(await evaluate(kmsKeyAdmitsAccountServices, stack(keyPolicy()))).toEqual([]);
    const viaService = {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': 'dynamodb.eu-west-1.amazonaws.com' } },
    };
    expect(await evaluate(kmsKeyAdmitsAccountServices, stack(onlyService([viaService, { Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }])))).toEqual([]);
  });

  it('Noncompliance: a key policy with service statements only, no account principal (the table cannot be created)', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsAccountServices, stack(onlyService([{ Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }]))));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('kms:ViaService=dynamodb.eu-west-1.amazonaws.com');
  });

  it('Preview: an unknown key policy is undecided; a policy naming only specific roles is undecided too', async () => {
    expect(undecided(await evaluate(kmsKeyAdmitsAccountServices, stack(UNKNOWN_VALUE)))).toHaveLength(1);
    const named = onlyService([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/deployer` }, Action: 'kms:*', Resource: '*' }]);
    const findings = await evaluate(kmsKeyAdmitsAccountServices, stack(named));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });
});
