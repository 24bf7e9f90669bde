import { runProgram, UNKNOWN } from '@bulwark/offline';
import * as aws from '@pulumi/aws';
import { cloudTrailKeyGrants, cloudWatchLogsKeyGrant, configDeliveryKeyGrant } from './key-service-grants';
import { KEY_ADMINISTRATION_ACTIONS, KEY_USAGE_ACTIONS, KmsKey } from './kms-key';
import { componentTestConfig, onlyResourceOfType, policyDocumentOf, statementWithSid } from '../testing';

const ADMIN = 'arn:aws:iam::123456789012:role/key-admin';
const USER = 'arn:aws:iam::123456789012:role/app';
const TRAIL_ARN = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/bulwark-dev-audit';

describe.each(['preview', 'update'] as const)('KmsKey (%s)', (mode) => {
  const run = (program: () => unknown) => runProgram(program, { mode, config: componentTestConfig });

  it('makes the key wait for what the component depends on (a principal its policy names must exist first)', async () => {
    const result = await run(() => {
      const role = new aws.iam.ServiceLinkedRole('autoscaling', { awsServiceName: 'autoscaling.amazonaws.com' });
      new KmsKey('ebs', { description: 'volumes', alias: 'alias/bulwark/dev/ebs', users: [USER] }, { dependsOn: [role] });
    });
    const role = onlyResourceOfType(result, 'aws:iam/serviceLinkedRole:ServiceLinkedRole');
    expect(onlyResourceOfType(result, 'aws:kms/key:Key').options.dependsOn).toContain(role.urn);
  });

  it('creates a rotating symmetric key with an alias, parented to the component', async () => {
    const result = await run(() => {
      new KmsKey('data', { description: 'data at rest', alias: 'alias/bulwark/dev/data' });
    });
    const component = onlyResourceOfType(result, 'bulwark:core:KmsKey');
    const key = onlyResourceOfType(result, 'aws:kms/key:Key');
    expect(key.parent).toBe(component.urn);
    expect(key.inputs).toMatchObject({
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      bypassPolicyLockoutSafetyCheck: false,
      multiRegion: false,
    });
    const alias = onlyResourceOfType(result, 'aws:kms/alias:Alias');
    expect(alias.parent).toBe(component.urn);
    expect(alias.inputs.name).toBe('alias/bulwark/dev/data');
    expect(alias.inputs.targetKeyId).toBe(mode === 'preview' ? UNKNOWN : key.outputs.keyId);
    expect(alias.propertyDependencies.targetKeyId).toEqual([key.urn]);
  });

  it('gives the account root administration and keeps administrators and users apart', async () => {
    const result = await run(() => {
      new KmsKey('data', { description: 'data', alias: 'alias/data', administrators: [ADMIN], users: [USER] });
    });
    const policy = policyDocumentOf(onlyResourceOfType(result, 'aws:kms/key:Key').inputs.policy);
    expect(statementWithSid(policy, 'EnableAccountRootAdministration')).toEqual({
      Sid: 'EnableAccountRootAdministration',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 'kms:*',
      Resource: '*',
    });
    const administration = statementWithSid(policy, 'AllowKeyAdministration');
    expect(administration.Principal).toEqual({ AWS: [ADMIN] });
    expect(administration.Action).toEqual([...KEY_ADMINISTRATION_ACTIONS]);
    const usage = statementWithSid(policy, 'AllowKeyUsage');
    expect(usage.Principal).toEqual({ AWS: [USER] });
    expect(usage.Action).toEqual([...KEY_USAGE_ACTIONS]);
    // No usage action (or a wildcard covering one) reaches an administrator, and the reverse.
    for (const action of administration.Action as string[]) expect(action).not.toMatch(/crypt|GenerateDataKey|^kms:\*$/);
    for (const action of usage.Action as string[]) expect(action).not.toMatch(/Create|Put|Update|Enable|Disable|Revoke|Delete|Schedule|Cancel|Tag/);
    expect(policy.Statement).toHaveLength(3);
  });

  it('grants services usage only, with conditions naming this account and region', async () => {
    const result = await run(() => {
      new KmsKey('logs', {
        description: 'logs',
        alias: 'alias/logs',
        serviceUsers: [cloudWatchLogsKeyGrant(), ...cloudTrailKeyGrants({ trailArn: TRAIL_ARN })],
      });
    });
    const policy = policyDocumentOf(onlyResourceOfType(result, 'aws:kms/key:Key').inputs.policy);
    expect(statementWithSid(policy, 'AllowCloudWatchLogs')).toMatchObject({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:*' } },
    });
    expect(statementWithSid(policy, 'AllowCloudTrailEncryptLogs')).toMatchObject({
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: ['kms:GenerateDataKey*'],
      Condition: {
        StringEquals: { 'aws:SourceArn': TRAIL_ARN },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:123456789012:trail/*' },
      },
    });
    expect(statementWithSid(policy, 'AllowCloudTrailDescribeKey')).toMatchObject({ Action: ['kms:DescribeKey'], Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } } });
  });

  it('accepts principals that are outputs of other resources', async () => {
    const result = await run(() => {
      const role = new aws.iam.Role('app', { assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) });
      new KmsKey('data', { description: 'data', alias: 'alias/data', users: [role.arn] });
    });
    const key = onlyResourceOfType(result, 'aws:kms/key:Key');
    if (mode === 'preview') {
      // The role's ARN is computed, so the whole policy is unknown until the role exists.
      expect(key.inputs.policy).toBe(UNKNOWN);
    } else {
      expect(statementWithSid(policy(key.inputs.policy), 'AllowKeyUsage').Principal).toEqual({
        AWS: [onlyResourceOfType(result, 'aws:iam/role:Role').outputs.arn],
      });
    }
  });
});

function policy(value: Parameters<typeof policyDocumentOf>[0]) {
  return policyDocumentOf(value);
}

describe('KmsKey rejects insecure arguments at construction, before registering anything', () => {
  const construct = (args: Partial<ConstructorParameters<typeof KmsKey>[1]>) => () =>
    new KmsKey('bad', { description: 'bad', alias: 'alias/bad', ...args });

  it('a principal that is both administrator and user', () => {
    expect(construct({ administrators: [ADMIN], users: [ADMIN] })).toThrow(
      `KmsKey "bad": ${ADMIN} is both an administrator and a user; separation of duties needs two different principals`,
    );
  });

  it('a public principal', () => {
    expect(construct({ users: ['*'] })).toThrow(/KmsKey "bad": "\*" cannot be a key administrator or user/);
  });

  it('a service grant with an administration action', () => {
    const grant = { ...configDeliveryKeyGrant(), actions: ['kms:PutKeyPolicy'] };
    expect(construct({ serviceUsers: [grant] })).toThrow(/service grant AllowConfigDelivery lists kms:PutKeyPolicy; service principals may only use the key/);
  });

  it('a service grant without conditions', () => {
    const grant = { ...configDeliveryKeyGrant(), conditions: () => ({}) };
    expect(construct({ serviceUsers: [grant] })).toThrow(/service grant AllowConfigDelivery needs conditions binding the service to this account/);
  });

  it('an alias under alias/aws/', () => {
    expect(construct({ alias: 'alias/aws/s3' })).toThrow(/alias "alias\/aws\/s3" must be .* not under the reserved alias\/aws\//);
  });

  it('out-of-range rotation and deletion periods', () => {
    expect(construct({ rotationPeriodInDays: 30 })).toThrow(/rotationPeriodInDays 30 must be a whole number of days from 90 to 2560/);
    expect(construct({ deletionWindowInDays: 3 })).toThrow(/deletionWindowInDays 3 must be a whole number of days from 7 to 30/);
  });
});
