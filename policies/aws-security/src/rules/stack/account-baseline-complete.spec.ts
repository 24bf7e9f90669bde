import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { accountBaselineComplete } from './account-baseline-complete';

const enabled = { config: { 'account-baseline-complete': 'mandatory' } };

const mfaDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowSelfService', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice'], Resource: '*' },
    {
      Sid: 'DenyWithoutMfa',
      Effect: 'Deny',
      NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};

function baseline(overrides: { mfa?: 'inline' | 'attached' | 'policy-attachment' | 'none'; skip?: string[] } = {}) {
  const skip = new Set(overrides.skip ?? []);
  const records = [];
  if (!skip.has('password')) records.push(resource('aws:iam/accountPasswordPolicy:AccountPasswordPolicy', { minimumPasswordLength: 14 }));
  const group = resource('aws:iam/group:Group', { name: 'humans' }, { name: 'humans' });
  records.push(group);
  const mfa = overrides.mfa ?? 'inline';
  if (mfa === 'inline') {
    records.push(resource('aws:iam/groupPolicy:GroupPolicy', { group: 'humans', policy: JSON.stringify(mfaDocument) }, { dependsOn: { group: [group] } }));
  } else if (mfa === 'attached' || mfa === 'policy-attachment') {
    const policy = resource('aws:iam/policy:Policy', { name: 'require-mfa', policy: mfaDocument }, { name: 'require-mfa' });
    records.push(policy);
    records.push(
      mfa === 'attached'
        ? resource('aws:iam/groupPolicyAttachment:GroupPolicyAttachment', { group: 'humans', policyArn: 'arn:aws:iam::111122223333:policy/require-mfa' })
        : resource('aws:iam/policyAttachment:PolicyAttachment', { groups: ['humans'], policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [policy] } }),
    );
  }
  if (!skip.has('config')) records.push(resource('aws:cfg/recorder:Recorder', { roleArn: 'arn:aws:iam::111122223333:role/config' }));
  if (!skip.has('trail')) records.push(resource('aws:cloudtrail/trail:Trail', { s3BucketName: 'logs', isMultiRegionTrail: true }));
  if (!skip.has('guardduty')) records.push(resource('aws:guardduty/detector:Detector', { enable: true }));
  if (!skip.has('ebs')) records.push(resource('aws:ebs/encryptionByDefault:EncryptionByDefault', { enabled: true }));
  if (!skip.has('pab')) records.push(resource('aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock', { blockPublicAcls: true }));
  return records;
}

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

describe('account-baseline-complete', () => {
  it('is disabled unless the pack config enables it', async () => {
    expect(accountBaselineComplete.metadata.enforcementLevel).toBe('disabled');
    expect(await evaluate(accountBaselineComplete, [resource('aws:s3/bucketV2:BucketV2', {})])).toEqual([]);
  });

  it('Compliance: every control present (MFA inline, through GroupPolicyAttachment, or PolicyAttachment.groups)', async () => {
    for (const mfa of ['inline', 'attached', 'policy-attachment'] as const) {
      expect(await evaluate(accountBaselineComplete, baseline({ mfa }), enabled)).toEqual([]);
    }
  });

  it('Noncompliance 1: every control missing, listed in one stack-wide finding', async () => {
    const findings = await evaluate(accountBaselineComplete, [resource('aws:s3/bucketV2:BucketV2', {})], enabled);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'account-baseline-complete', enforcement: 'mandatory', urn: undefined });
    const lines = reported(findings[0]).split('\n');
    expect(lines[0]).toBe('the stack is missing 7 account control(s):');
    expect(lines.slice(1).map((line) => /`aws\.[a-z0-9]+\.[A-Za-z]+`/.exec(line)?.[0])).toEqual([
      '`aws.iam.AccountPasswordPolicy`',
      '`aws.iam.GroupPolicy`',
      '`aws.cfg.Recorder`',
      '`aws.cloudtrail.Trail`',
      '`aws.guardduty.Detector`',
      '`aws.ebs.EncryptionByDefault`',
      '`aws.s3.AccountPublicAccessBlock`',
    ]);
  });

  it.each([
    ['password', 'aws.iam.AccountPasswordPolicy'],
    ['config', 'aws.cfg.Recorder'],
    ['trail', 'aws.cloudtrail.Trail'],
    ['guardduty', 'aws.guardduty.Detector'],
    ['ebs', 'aws.ebs.EncryptionByDefault'],
    ['pab', 'aws.s3.AccountPublicAccessBlock'],
  ])('Noncompliance 2: the %s control missing', async (control, type) => {
    const findings = await evaluate(accountBaselineComplete, baseline({ skip: [control] }), enabled);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toMatch(/^the stack is missing 1 account control\(s\):\n- /);
    expect(reported(findings[0])).toContain(`\`${type}\``);
  });

  it('Noncompliance 3: controls turned off do not count (single-region trail, disabled detector, EBS default off)', async () => {
    const records = baseline({ skip: ['trail', 'guardduty', 'ebs'] });
    records.push(resource('aws:cloudtrail/trail:Trail', { s3BucketName: 'logs', isMultiRegionTrail: false }));
    records.push(resource('aws:guardduty/detector:Detector', { enable: false }));
    records.push(resource('aws:ebs/encryptionByDefault:EncryptionByDefault', { enabled: false }));
    const [finding] = await evaluate(accountBaselineComplete, records, enabled);
    expect(reported(finding)).toMatch(/^the stack is missing 3 account control\(s\)/);
  });

  it('Noncompliance 4: MFA policy missing, not attached to a group, or not conditioned on MFA', async () => {
    const notAttached = baseline({ mfa: 'none' });
    notAttached.push(resource('aws:iam/policy:Policy', { policy: JSON.stringify(mfaDocument) }));
    const roleAttachment = baseline({ mfa: 'none' });
    const policy = resource('aws:iam/policy:Policy', { policy: JSON.stringify(mfaDocument) });
    roleAttachment.push(policy, resource('aws:iam/policyAttachment:PolicyAttachment', { roles: ['ops'], policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [policy] } }));
    const noCondition = baseline({ mfa: 'none' });
    noCondition.push(resource('aws:iam/groupPolicy:GroupPolicy', { group: 'humans', policy: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } }));
    for (const records of [baseline({ mfa: 'none' }), notAttached, roleAttachment, noCondition]) {
      const findings = await evaluate(accountBaselineComplete, records, enabled);
      expect(findings).toHaveLength(1);
      expect(reported(findings[0])).toContain('MFA enforcement');
    }
  });

  it('Preview: unknown switches and policy documents are undecided where they sit; a known gap is the verdict', async () => {
    const records = baseline({ mfa: 'none', skip: ['trail', 'guardduty'] });
    const groupPolicy = resource('aws:iam/groupPolicy:GroupPolicy', { group: UNKNOWN_VALUE, policy: UNKNOWN_VALUE });
    const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: UNKNOWN_VALUE, isMultiRegionTrail: UNKNOWN_VALUE });
    const detector = resource('aws:guardduty/detector:Detector', { enable: UNKNOWN_VALUE });
    records.push(groupPolicy, trail, detector);
    const open = await evaluate(accountBaselineComplete, records, enabled);
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([
      [groupPolicy.urn, 'policy'],
      [trail.urn, 'isMultiRegionTrail'],
      [detector.urn, 'enable'],
    ]);
    // A known gap beside unknowns is still reported.
    const findings = await evaluate(accountBaselineComplete, [...records.filter((record) => !record.type.includes('Password'))], enabled);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toContain('`aws.iam.AccountPasswordPolicy`');
  });

  describe('on a real program', () => {
    function program() {
      new aws.iam.AccountPasswordPolicy('passwords', { minimumPasswordLength: 14 });
      const humans = new aws.iam.Group('humans');
      const requireMfa = new aws.iam.Policy('require-mfa', { policy: JSON.stringify(mfaDocument) });
      new aws.iam.GroupPolicyAttachment('require-mfa', { group: humans.name, policyArn: requireMfa.arn });
      const logs = new aws.s3.Bucket('trail-logs');
      new aws.cloudtrail.Trail('audit', { s3BucketName: logs.bucket, isMultiRegionTrail: true });
      new aws.guardduty.Detector('main', { enable: true });
      new aws.ebs.EncryptionByDefault('ebs', { enabled: true });
      // Missing on purpose: the Config recorder and the account public access block.
    }

    it.each(['preview', 'update'] as const)('gives the same verdict in %s mode', async (mode) => {
      const findings = await evaluateProgram(accountBaselineComplete, program, { ...enabled, mode, stackConfig: { 'aws:region': 'us-east-1' } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ policy: 'account-baseline-complete', enforcement: 'mandatory', urn: undefined });
      expect(reported(findings[0])).toBe(
        'the stack is missing 2 account control(s):\n' +
          '- an AWS Config recorder (`aws.cfg.Recorder`)\n' +
          '- an account-level S3 public access block (`aws.s3.AccountPublicAccessBlock`)',
      );
    });
  });
});
