import { type ProgramResult, type ResourceRecord, UNKNOWN } from '@bulwark/offline';
import { allRules } from '@bulwark/aws-security';
import { policyDocumentOf, providerOf, resourceNamed, resourcesOfType, statementWithSid } from '@bulwark/core/testing';
import { describeFindings, shapeOf } from '@bulwark/stack-testing';
import { MFA_SELF_SERVICE_ACTIONS } from './mfa-enforcement';
import { type BaselineOutputs } from './outputs';
import { exampleBaselineOutputs } from '../testing/example-outputs';
import { deploymentAccount, packFindings, runBaseline, stackConfigFile } from '../testing/stack-run';

const isString = (value: unknown) => typeof value === 'string' && value !== '';
const isStringMap = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isString);
/** Each contract key with a check of its value; the type makes a key added to the contract fail to compile here. */
const contract: { readonly [Key in keyof BaselineOutputs]: (value: unknown) => boolean } = {
  region: isString,
  regions: (value) => Array.isArray(value) && value.every(isString),
  cloudTrailArn: isString,
  cloudTrailBucketName: isString,
  cloudTrailKeyArn: isString,
  configBucketName: isString,
  configRecorderName: isString,
  accessLogsBucketName: isString,
  accountId: (value) => typeof value === 'string' && /^\d{12}$/.test(value),
  guardDutyDetectorIds: isStringMap,
  ebsDefaultKeyArns: isStringMap,
  humanUsersGroupName: isString,
  mfaPolicyArn: isString,
  autoScalingServiceLinkedRoleArn: isString,
};

const expected = {
  dev: { regions: ['eu-west-1', 'us-east-1'], minimumLength: 14, maxAge: 90, backupDays: '7', otherBuckets: ['app-data', 'site'], multiAzRule: false },
  prod: {
    regions: ['eu-west-1', 'eu-central-1', 'us-east-1'],
    minimumLength: 16,
    maxAge: 60,
    backupDays: '14',
    otherBuckets: ['app-data', 'exports', 'site'],
    multiAzRule: true,
  },
} as const;

describe.each(['dev', 'prod'] as const)('baseline stack, %s config', (stack) => {
  const want = expected[stack];
  const account = deploymentAccount(stack);

  // The other stacks' buckets: data's and edge's at least; a stack generated later adds its own (nx g @bulwark/nx-pulumi:stack).
  const otherBuckets = stackConfigFile(stack)['baseline:dataEventBucketPurposes'] as string[];

  it('uses the stack config file this test expects', () => {
    expect(stackConfigFile(stack)['bulwark:regions']).toEqual([...want.regions]);
    expect(otherBuckets).toEqual(expect.arrayContaining([...want.otherBuckets]));
  });

  describe.each(['preview', 'update'] as const)('%s', (mode) => {
    let result: ProgramResult;
    beforeAll(async () => {
      result = await runBaseline(stack, mode);
    });

    it('passes the whole aws-security pack, account-baseline-complete included, with zero mandatory findings', async () => {
      const findings = await packFindings(result);
      const mandatory = findings.filter((finding) => finding.enforcement === 'mandatory');
      if (mandatory.length > 0) throw new Error(`mandatory findings:\n${describeFindings(mandatory)}`);
      // The deployability pack may add advisory undecided findings in a first preview (values computed at apply).
      const security = findings.filter((finding) => finding.pack === 'aws-security');
      expect([...new Set(security.map((finding) => finding.policy))].filter((policy) => policy !== 'no-hardcoded-account-ids')).toEqual([]);
    });

    it('sets the password policy from config, with every character class', () => {
      const policies = resourcesOfType(result, 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy');
      expect(policies).toHaveLength(1);
      expect(policies[0].inputs).toMatchObject({
        minimumPasswordLength: want.minimumLength,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        requireNumbers: true,
        requireSymbols: true,
        passwordReusePrevention: 24,
        maxPasswordAge: want.maxAge,
        allowUsersToChangePassword: true,
      });
    });

    it('attaches to the human-users group a policy denying all but MFA self-service without MFA', () => {
      const group = resourceNamed(result, 'aws:iam/group:Group', 'human-users');
      expect(group.inputs.name).toBe('human-users');
      const policy = resourceNamed(result, 'aws:iam/policy:Policy', 'require-mfa');
      expect(policy.inputs.name).toBe(`bulwark-${stack}-require-mfa`);
      const attachment = resourceNamed(result, 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment', 'human-users-require-mfa');
      expect(attachment.propertyDependencies.group).toEqual([group.urn]);
      expect(attachment.propertyDependencies.policyArn).toEqual([policy.urn]);
      if (mode === 'preview') return;
      const document = policyDocumentOf(policy.inputs.policy);
      expect(statementWithSid(document, 'DenyAllExceptMfaSelfServiceWithoutMfa')).toEqual({
        Sid: 'DenyAllExceptMfaSelfServiceWithoutMfa',
        Effect: 'Deny',
        NotAction: [...MFA_SELF_SERVICE_ACTIONS],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      });
      // AWS's "self-manage an MFA device" example: the console lets users name a virtual device anything, so creating
      // one is allowed on mfa/* (a device named after the user alone would lock out whoever picks another name);
      // everything else only on the user's own ARN.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
      expect(statementWithSid(document, 'AllowCreateVirtualMfaDevice')).toEqual({
        Sid: 'AllowCreateVirtualMfaDevice',
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice'],
        Resource: `arn:aws:iam::${account}:mfa/*`,
      });
      expect(statementWithSid(document, 'AllowManageOwnPasswordAndMfa')).toEqual({
        Sid: 'AllowManageOwnPasswordAndMfa',
        Effect: 'Allow',
        Action: ['iam:ChangePassword', 'iam:GetUser', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: `arn:aws:iam::${account}:user/\${aws:username}`,
      });
    });

    it('blocks public S3 access account-wide', () => {
      const blocks = resourcesOfType(result, 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock');
      expect(blocks).toHaveLength(1);
      expect(blocks[0].inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    });

    it('is the central target of S3 server access logs: it admits every bucket the foundation names in this environment, of this account only', () => {
      // Data and edge log into this bucket; their buckets are named from config (bulwark-<env>-<purpose>-<uniqueId>),
      // so the pattern admits them before they exist, and buckets added later without redeploying the baseline.
      const bucketPolicy = resourceNamed(result, 'aws:s3/bucketPolicy:BucketPolicy', 'access-logs');
      expect(statementWithSid(policyDocumentOf(bucketPolicy.inputs.policy), 'AllowS3ServerAccessLogDelivery')).toMatchObject({
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': [`arn:aws:s3:::bulwark-${stack}-*`] } },
      });
      expect(result.outputs).toMatchObject({ accessLogsBucketName: `bulwark-${stack}-access-logs-k3x9q2`, accountId: account, region: 'eu-west-1' });
    });

    it('records every resource type including global ones, delivers to its own encrypted bucket, and is switched on', () => {
      const recorder = resourceNamed(result, 'aws:cfg/recorder:Recorder', 'account');
      expect(recorder.inputs).toMatchObject({
        name: `bulwark-${stack}-recorder`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
        recordingMode: { recordingFrequency: 'CONTINUOUS' },
      });
      const serviceRole = resourceNamed(result, 'aws:iam/serviceLinkedRole:ServiceLinkedRole', 'config');
      expect(serviceRole.inputs.awsServiceName).toBe('config.amazonaws.com');
      expect(recorder.propertyDependencies.roleArn).toEqual([serviceRole.urn]);
      const channel = resourceNamed(result, 'aws:cfg/deliveryChannel:DeliveryChannel', 'account');
      expect(channel.inputs.s3BucketName).toBe(`bulwark-${stack}-config-history-k3x9q2`);
      const auditKey = resourceNamed(result, 'aws:kms/key:Key', 'audit-logs');
      expect(channel.propertyDependencies.s3KmsKeyArn).toEqual([auditKey.urn]);
      const status = resourceNamed(result, 'aws:cfg/recorderStatus:RecorderStatus', 'account');
      expect(status.inputs.isEnabled).toBe(true);
      expect(status.propertyDependencies.name).toEqual([recorder.urn]);
      expect(status.options.dependsOn).toContain(channel.urn);
      const encryption = resourceNamed(result, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration', 'config-history');
      expect(encryption.propertyDependencies.rules).toEqual([auditKey.urn]);
      if (mode === 'update') {
        const policy = policyDocumentOf(resourceNamed(result, 'aws:s3/bucketPolicy:BucketPolicy', 'config-history').inputs.policy);
        expect(statementWithSid(policy, 'AllowConfigDelivery')).toMatchObject({
          Principal: { Service: 'config.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::bulwark-${stack}-config-history-k3x9q2/AWSLogs/${account}/Config/*`,
          Condition: { StringEquals: { 'aws:SourceAccount': account, 's3:x-amz-acl': 'bucket-owner-full-control' } },
        });
        const keyPolicy = policyDocumentOf(auditKey.inputs.policy);
        expect(statementWithSid(keyPolicy, 'AllowConfigDelivery')).toMatchObject({
          Principal: { Service: 'config.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': account } },
        });
      }
    });

    it('deploys the managed Config rules, each mirroring a real pack rule, after the recorder is on', () => {
      const status = resourceNamed(result, 'aws:cfg/recorderStatus:RecorderStatus', 'account');
      const rules = resourcesOfType(result, 'aws:cfg/rule:Rule');
      const identifiers = rules.map((rule) => (rule.inputs.source as Record<string, unknown>).sourceIdentifier);
      for (const wanted of ['S3_BUCKET_SSL_REQUESTS_ONLY', 'ENCRYPTED_VOLUMES', 'INCOMING_SSH_DISABLED', 'MULTI_REGION_CLOUD_TRAIL_ENABLED', 'DB_INSTANCE_BACKUP_ENABLED']) {
        expect(identifiers).toContain(wanted);
      }
      expect(new Set(rules.map((rule) => rule.inputs.name)).size).toBe(rules.length);
      const packRuleIds = new Set(allRules.map((rule) => rule.metadata.id));
      for (const rule of rules) {
        expect(rule.inputs.source).toMatchObject({ owner: 'AWS' });
        expect(rule.options.dependsOn).toContain(status.urn);
        const mirrored = /mirrors the Bulwark policy pack rule ([a-z0-9-]+)\./.exec(rule.inputs.description as string)?.[1];
        expect({ rule: rule.name, mirrorsARealPackRule: mirrored !== undefined && packRuleIds.has(mirrored) }).toEqual({ rule: rule.name, mirrorsARealPackRule: true });
      }
      const backups = rules.find((rule) => rule.name === 'db-instance-backup-enabled') as ResourceRecord;
      expect(JSON.parse(backups.inputs.inputParameters as string)).toEqual({ backupRetentionMinimum: want.backupDays });
      const passwords = rules.find((rule) => rule.name === 'iam-password-policy') as ResourceRecord;
      expect(JSON.parse(passwords.inputs.inputParameters as string)).toMatchObject({
        MinimumPasswordLength: String(want.minimumLength),
        PasswordReusePrevention: '24',
        MaxPasswordAge: String(want.maxAge),
      });
    });

    // The foundation must be compliant with its own Config rules (issue 15 item 12).
    it("scopes and parameterises the managed rules that would otherwise flag the foundation's own log buckets and dev database", () => {
      const rules = resourcesOfType(result, 'aws:cfg/rule:Rule');
      const rule = (name: string) => rules.find((candidate) => candidate.name === name);
      // Log targets do not log themselves (a bucket logging into itself loops forever): the rule evaluates the buckets
      // tagged as needing logs, which every SecureBucket is, and checks they log into the central bucket.
      // https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-logging-enabled.html
      const logging = rule('s3-bucket-logging-enabled') as ResourceRecord;
      expect(logging.inputs.scope).toEqual({ complianceResourceTypes: ['AWS::S3::Bucket'], tagKey: 'ServerAccessLogging', tagValue: 'required' });
      expect(JSON.parse(logging.inputs.inputParameters as string)).toEqual({ targetBucket: `bulwark-${stack}-access-logs-k3x9q2` });
      // The trail excludes its own bucket (its deliveries would log themselves without end), so "every bucket" is
      // never true: the rule names the foundation's other buckets.
      // https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-s3-dataevents-enabled.html
      const dataEvents = rule('cloudtrail-s3-dataevents-enabled') as ResourceRecord;
      const names = String(JSON.parse(dataEvents.inputs.inputParameters as string).S3BucketNames).split(',');
      expect(names.sort()).toEqual(
        ['access-logs', 'config-history', ...otherBuckets].map((purpose) => `bulwark-${stack}-${purpose}-k3x9q2`).sort(),
      );
      expect(names).not.toContain(`bulwark-${stack}-cloudtrail-k3x9q2`);
      // Single-AZ is the dev database's design: the rule is deployed where Multi-AZ is required (prod).
      // https://docs.aws.amazon.com/config/latest/developerguide/rds-multi-az-support.html
      expect(rule('rds-multi-az-support') !== undefined).toBe(want.multiAzRule);
    });

    it('runs a multi-region, validated, KMS-encrypted trail with S3 and Lambda data events', () => {
      const trail = resourceNamed(result, 'aws:cloudtrail/trail:Trail', 'audit');
      expect(trail.inputs).toMatchObject({
        name: `bulwark-${stack}-audit`,
        s3BucketName: `bulwark-${stack}-cloudtrail-k3x9q2`,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
      });
      const trailKey = resourceNamed(result, 'aws:kms/key:Key', 'cloudtrail');
      expect(trail.propertyDependencies.kmsKeyId).toEqual([trailKey.urn]);
      const selectors = trail.inputs.advancedEventSelectors as Array<{ name: string; fieldSelectors: Array<Record<string, unknown>> }>;
      expect(selectors.map((selector) => selector.name)).toEqual(['Management events', 'S3 object data events', 'Lambda invocation data events']);
      expect(selectors[1].fieldSelectors.slice(0, 2)).toEqual([
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
      ]);
      expect(selectors[2].fieldSelectors).toEqual([
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
      ]);
      const trailBucketPolicy = resourceNamed(result, 'aws:s3/bucketPolicy:BucketPolicy', 'cloudtrail');
      expect(trail.options.dependsOn).toContain(trailBucketPolicy.urn);
      if (mode === 'update') {
        const trailArn = `arn:aws:cloudtrail:eu-west-1:${account}:trail/bulwark-${stack}-audit`;
        expect(trail.outputs.arn).toBe(trailArn);
        expect(selectors[1].fieldSelectors[2]).toEqual({ field: 'resources.ARN', notStartsWiths: [`arn:aws:s3:::bulwark-${stack}-cloudtrail-k3x9q2/`] });
        const policy = policyDocumentOf(trailBucketPolicy.inputs.policy);
        const cloudTrailStatements = policy.Statement.filter((candidate) => JSON.stringify(candidate.Principal ?? '').includes('cloudtrail'));
        expect(cloudTrailStatements.map((candidate) => candidate.Sid)).toEqual(['AllowCloudTrailAclCheck', 'AllowCloudTrailWrite']);
        for (const candidate of cloudTrailStatements) {
          expect((candidate.Condition as { StringEquals: Record<string, string> }).StringEquals['aws:SourceArn']).toBe(trailArn);
        }
        // CloudTrail's key policy page: encrypt under the trail's encryption context, describe the key, and (the
        // trail bucket has an S3 Bucket Key) decrypt; each only for this trail (aws:SourceArn). DescribeKey
        // requests carry no encryption context, so a statement conditioned on one would never admit them.
        const keyPolicy = policyDocumentOf(trailKey.inputs.policy);
        const cloudTrailKeyStatements = keyPolicy.Statement.filter((candidate) => JSON.stringify(candidate.Principal ?? '').includes('cloudtrail'));
        expect(cloudTrailKeyStatements).toEqual([
          {
            Sid: 'AllowCloudTrailEncryptLogs',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:GenerateDataKey*'],
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:SourceArn': trailArn },
              StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${account}:trail/*` },
            },
          },
          {
            Sid: 'AllowCloudTrailDescribeKey',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:DescribeKey'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
          {
            Sid: 'AllowCloudTrailDecrypt',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:Decrypt'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
        ]);
      }
    });

    it('runs a GuardDuty detector in every configured region with S3, EKS and malware protection and 15-minute publishing', () => {
      const detectors = resourcesOfType(result, 'aws:guardduty/detector:Detector');
      expect(detectors.map((detector) => detector.inputs.region)).toEqual([...want.regions]);
      for (const region of want.regions) {
        const detector = resourceNamed(result, 'aws:guardduty/detector:Detector', `guardduty-${region}`);
        expect(detector.inputs).toMatchObject({ region, enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
        const features = resourcesOfType(result, 'aws:guardduty/detectorFeature:DetectorFeature').filter(
          (feature) => feature.propertyDependencies.detectorId?.includes(detector.urn),
        );
        expect(features.map((feature) => feature.inputs.name)).toEqual(['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION']);
        for (const feature of features) expect(feature.inputs).toMatchObject({ region, status: 'ENABLED' });
      }
    });

    it('turns on EBS encryption by default with a key of each region, and an Access Analyzer per region', () => {
      // Auto Scaling launches instances as its service-linked role; with EBS encryption by default under a customer
      // managed key, every launch in the account fails unless the key lets that role use it and create grants
      // (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html). The role
      // exists only once Auto Scaling was used, so the baseline creates it, before the keys and grants that name it.
      // Its ARN follows from the account, so the key policies are known (and judged) in a first preview too.
      const autoScalingRole = resourceNamed(result, 'aws:iam/serviceLinkedRole:ServiceLinkedRole', 'autoscaling');
      expect(autoScalingRole.inputs.awsServiceName).toBe('autoscaling.amazonaws.com');
      const roleArn = `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
      if (mode === 'update') expect(autoScalingRole.outputs.arn).toBe(roleArn);
      for (const region of want.regions) {
        const ebsKey = resourceNamed(result, 'aws:kms/key:Key', `ebs-default-${region}`);
        expect(ebsKey.options.dependsOn).toContain(autoScalingRole.urn);
        const grant = resourceNamed(result, 'aws:kms/grant:Grant', `ebs-default-${region}-autoscaling`);
        expect(providerOf(result, grant).inputs.region).toBe(region);
        expect(grant.propertyDependencies.keyId).toEqual([ebsKey.urn]);
        expect(grant.options.dependsOn).toContain(autoScalingRole.urn);
        expect(grant.inputs.granteePrincipal).toBe(roleArn);
        expect(grant.inputs.operations).toEqual(expect.arrayContaining(['Encrypt', 'Decrypt', 'GenerateDataKeyWithoutPlaintext', 'DescribeKey', 'CreateGrant']));
        expect(statementWithSid(policyDocumentOf(ebsKey.inputs.policy), 'AllowKeyUsage')).toMatchObject({
          Principal: { AWS: [roleArn] },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        });
      }
      for (const region of want.regions) {
        expect(resourceNamed(result, 'aws:ebs/encryptionByDefault:EncryptionByDefault', `ebs-${region}`).inputs).toMatchObject({ region, enabled: true });
        const defaultKey = resourceNamed(result, 'aws:ebs/defaultKmsKey:DefaultKmsKey', `ebs-${region}`);
        const key = resourceNamed(result, 'aws:kms/key:Key', `ebs-default-${region}`);
        expect(defaultKey.inputs.region).toBe(region);
        expect(defaultKey.propertyDependencies.keyArn).toEqual([key.urn]);
        expect(providerOf(result, key).inputs.region).toBe(region);
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(resourceNamed(result, 'aws:accessanalyzer/analyzer:Analyzer', `access-analyzer-${region}`).inputs).toMatchObject({
          region,
          type: 'ACCOUNT',
          analyzerName: `bulwark-${stack}-account`,
        });
      }
    });

    it('exports what the consumers test against: the example outputs have the same keys and value shapes', () => {
      if (mode === 'preview') return; // ids and ARNs have no shape until the update
      expect(shapeOf(result.outputs)).toEqual(shapeOf({ ...exampleBaselineOutputs(stack, account) }));
    });

    it('exports exactly the output contract', () => {
      expect(Object.keys(result.outputs).sort()).toEqual(Object.keys(contract).sort());
      expect(result.outputs).toMatchObject({
        region: 'eu-west-1',
        regions: [...want.regions],
        cloudTrailBucketName: `bulwark-${stack}-cloudtrail-k3x9q2`,
        configBucketName: `bulwark-${stack}-config-history-k3x9q2`,
        humanUsersGroupName: 'human-users',
      });
      if (mode === 'update') {
        for (const [key, check] of Object.entries(contract)) expect({ key, valid: check(result.outputs[key]) }).toEqual({ key, valid: true });
        expect(Object.keys(result.outputs.guardDutyDetectorIds as object).sort()).toEqual([...want.regions].sort());
        expect((result.outputs.guardDutyDetectorIds as Record<string, string>)['eu-west-1']).toBe(
          resourceNamed(result, 'aws:guardduty/detector:Detector', 'guardduty-eu-west-1').id,
        );
      } else {
        expect(result.outputs.cloudTrailArn).toBe(UNKNOWN);
      }
    });
  });
});
