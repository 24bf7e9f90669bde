import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { kmsKeyAdmitsAutoscaling } from './kms-key-admits-autoscaling';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const usage = { Effect: 'Allow', Principal: { AWS: ROLE }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' };
const createGrant = { Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:CreateGrant', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } };

function defaultKeyStack(policy: unknown, extra: (key: ReturnType<typeof resource>) => ReturnType<typeof resource>[] = () => []) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'ebs-default' });
  const holder = resource('aws:ebs/defaultKmsKey:DefaultKmsKey', { keyArn: UNKNOWN_VALUE }, { name: 'default', dependsOn: { keyArn: [key] } });
  return [key, holder, ...extra(key)];
}

describe('kms-key-admits-autoscaling', () => {
  it('Compliance: the key policy grants the role usage and CreateGrant for AWS resources (the EC2 Auto Scaling guide)', async () => {
    expect(await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(keyPolicy(usage, createGrant)))).toEqual([]);
  });

  it('Compliance: usage in the key policy, CreateGrant through a KMS grant to the role', async () => {
    const stack = defaultKeyStack(keyPolicy(usage), (key) => [
      resource('aws:kms/grant:Grant', { keyId: UNKNOWN_VALUE, granteePrincipal: ROLE, operations: ['CreateGrant'] }, { dependsOn: { keyId: [key] } }),
    ]);
    expect(await evaluate(kmsKeyAdmitsAutoscaling, stack)).toEqual([]);
  });

  it('Compliance: the role the stack creates (its arn, whatever its form) in the key policy, CreateGrant through a grant from a StackReference', async () => {
    const slr = resource('aws:iam/serviceLinkedRole:ServiceLinkedRole', { awsServiceName: 'autoscaling.amazonaws.com', arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_custom` });
    const custom = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_custom`;
    const stack = defaultKeyStack(keyPolicy({ ...usage, Principal: { AWS: custom } }, { ...createGrant, Principal: { AWS: custom } }), () => [slr]);
    expect(await evaluate(kmsKeyAdmitsAutoscaling, stack)).toEqual([]);
    const reference = resource('pulumi:pulumi:StackReference', {}, { name: 'baseline' });
    const fromBaseline = 'arn:aws:iam::444455556666:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
    const viaGrant = defaultKeyStack(keyPolicy(), (key) => [
      reference,
      resource('aws:kms/grant:Grant', { keyId: UNKNOWN_VALUE, granteePrincipal: fromBaseline, operations: ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GenerateDataKeyWithoutPlaintext', 'DescribeKey', 'CreateGrant'] }, { dependsOn: { keyId: [key], granteePrincipal: [reference] } }),
    ]);
    expect(await evaluate(kmsKeyAdmitsAutoscaling, viaGrant)).toEqual([]);
  });

  it('Noncompliance 1: the EBS default key trusts only the account root (every Auto Scaling launch fails)', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(keyPolicy())));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('is the EBS default key');
    expect(findings[0]?.message).toContain('AWSServiceRoleForAutoScaling calling kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey');
  });

  it('Noncompliance 2: CreateGrant without the grant statement', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(keyPolicy(usage))));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('kms:CreateGrant');
  });

  it('Noncompliance 3: a launch template of an Auto Scaling group encrypts volumes with a key that does not admit the role', async () => {
    const key = resource('aws:kms/key:Key', { policy: keyPolicy() }, { name: 'volumes' });
    const template = resource(
      'aws:ec2/launchTemplate:LaunchTemplate',
      { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: UNKNOWN_VALUE } }] },
      { name: 'app', dependsOn: { blockDeviceMappings: [key] } },
    );
    const group = resource('aws:autoscaling/group:Group', { launchTemplate: { id: UNKNOWN_VALUE } }, { dependsOn: { launchTemplate: [template] } });
    const findings = mandatory(await evaluate(kmsKeyAdmitsAutoscaling, [key, template, group]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("encrypts launch template app's volumes");
  });

  it('Preview: a key policy with the role ARN unknown until apply is undecided', async () => {
    const preview = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...usage, Principal: { AWS: UNKNOWN_VALUE } }] });
    const findings = await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
    expect(mandatory(await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(preview)))).toEqual([]);
  });
  it('Preview: unknown block device mappings, an unknown mapping or ebs block of a launched template are undecided (not skipped)', async () => {
    const launched = (blockDeviceMappings: unknown, name: string) => {
      const template = resource('aws:ec2/launchTemplate:LaunchTemplate', { blockDeviceMappings }, { name });
      return [template, resource('aws:autoscaling/group:Group', { launchTemplate: { id: UNKNOWN_VALUE } }, { dependsOn: { launchTemplate: [template] } })];
    };
    const findings = await evaluate(kmsKeyAdmitsAutoscaling, [
      ...launched(UNKNOWN_VALUE, 'list'),
      ...launched([UNKNOWN_VALUE], 'mapping'),
      ...launched([{ deviceName: '/dev/xvda', ebs: UNKNOWN_VALUE }], 'ebs'),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([
      expect.stringContaining('blockDeviceMappings'),
      expect.stringContaining('blockDeviceMappings[0]'),
      expect.stringContaining('blockDeviceMappings[0].ebs'),
    ]);
  });

  it('Preview: a grant to the role whose operations are unknown is undecided, not "nothing granted"', async () => {
    const stack = defaultKeyStack(keyPolicy(usage), (key) => [
      resource('aws:kms/grant:Grant', { keyId: UNKNOWN_VALUE, granteePrincipal: ROLE, operations: UNKNOWN_VALUE }, { name: 'open', dependsOn: { keyId: [key] } }),
    ]);
    const findings = await evaluate(kmsKeyAdmitsAutoscaling, stack);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('grant open')]);
  });

  it('Preview: a grant whose key is unknown and unlinked may be on this key and give the role what its policy refuses: undecided on keyId', async () => {
    const grant = resource('aws:kms/grant:Grant', { keyId: UNKNOWN_VALUE, granteePrincipal: ROLE, operations: ['CreateGrant'] }, { name: 'somewhere' });
    const findings = await evaluate(kmsKeyAdmitsAutoscaling, defaultKeyStack(keyPolicy(usage), () => [grant]));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[grant.urn, 'keyId']]);
  });
});
