/**
 * Conformance of the workspace pack: on programs that exercise every family of rules (insecure and secured),
 * the findings the compiled pack reports over the Analyzer gRPC protocol equal those of evaluating its rules
 * in-process, in both modes; and a first-time preview and an update give the same verdicts.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { createPolicies, PACK_NAME, PACK_ROOT, PACK_VERSION } from '@bulwark/aws-security';
import { PolicyPack, runProgram, sortFindings, type Finding, type RunMode } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';

/** An account foundation written without care: most rules of the catalog have something to say. */
function insecureFoundation() {
  const bucket = new aws.s3.Bucket('public', { acl: 'public-read' });
  new aws.s3.BucketPolicy('public', {
    bucket: bucket.id,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      // Built from the bucket's name, known in a first preview (its ARN is not), so the verdict is decidable then.
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: pulumi.interpolate`arn:aws:s3:::${bucket.bucket}/*` }],
    }),
  });
  new aws.s3.BucketPublicAccessBlock('public', { bucket: bucket.id, blockPublicAcls: false, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  new aws.s3.BucketServerSideEncryptionConfiguration('public', {
    bucket: bucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });
  new aws.ec2.SecurityGroup('admin', {
    vpcId: vpc.id,
    ingress: [
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] },
      { protocol: '-1', fromPort: 0, toPort: 0, ipv6CidrBlocks: ['::/0'] },
    ],
  });
  new aws.ec2.NetworkAcl('open', { vpcId: vpc.id, ingress: [{ protocol: 'tcp', ruleNo: 100, action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 1024, toPort: 65535 }] });
  new aws.kms.Key('shared', { enableKeyRotation: false });
  new aws.iam.Policy('admin', {
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
  });
  new aws.iam.Role('open', {
    assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }),
  });
  new aws.rds.Instance('db', { engine: 'postgres', instanceClass: 'db.t4g.micro', publiclyAccessible: true, backupRetentionPeriod: 1 });
  new aws.cloudwatch.LogGroup('short', { retentionInDays: 7 });
  new aws.ec2.Instance('box', { ami: 'ami-0123456789abcdef0', instanceType: 't3.micro', associatePublicIpAddress: true });
  new aws.cloudtrail.Trail('trail', { s3BucketName: bucket.id, isMultiRegionTrail: false });
  new aws.guardduty.Detector('detector', { enable: true, findingPublishingFrequency: 'SIX_HOURS' });
  new aws.lambda.Permission('invoke', { action: 'lambda:InvokeFunction', function: 'handler', principal: '*' });
  new aws.dynamodb.Table('orders', { attributes: [{ name: 'id', type: 'S' }], hashKey: 'id', billingMode: 'PAY_PER_REQUEST' });
  return { bucket: bucket.bucket };
}

/** The same kinds of resources, written as the pack wants them. */
function securedFoundation() {
  const key = new aws.kms.Key('data', { enableKeyRotation: true });
  const logs = new aws.s3.Bucket('logs', {});
  const data = new aws.s3.Bucket('data', {});
  for (const [name, bucket] of [['logs', logs], ['data', data]] as const) {
    new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    // S3 server access logging delivers only to SSE-S3 buckets; everything else uses the customer managed key.
    new aws.s3.BucketServerSideEncryptionConfiguration(name, {
      bucket: bucket.id,
      rules: [
        bucket === logs
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true },
      ],
    });
    new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new aws.s3.BucketPolicy(name, {
      bucket: bucket.id,
      policy: pulumi.jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [pulumi.interpolate`arn:aws:s3:::${bucket.bucket}`, pulumi.interpolate`arn:aws:s3:::${bucket.bucket}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    });
  }
  new aws.s3.BucketLogging('data', { bucket: data.id, targetBucket: logs.id, targetPrefix: 'data/' });
  const vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });
  const flowLogs = new aws.cloudwatch.LogGroup('flow', { retentionInDays: 365, kmsKeyId: key.arn });
  new aws.ec2.FlowLog('main', { vpcId: vpc.id, trafficType: 'ALL', logDestination: flowLogs.arn });
  new aws.ec2.SecurityGroup('bastion', { vpcId: vpc.id, ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['203.0.113.10/32'] }] });
  new aws.dynamodb.Table('orders', {
    attributes: [{ name: 'id', type: 'S' }],
    hashKey: 'id',
    billingMode: 'PAY_PER_REQUEST',
    serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
    pointInTimeRecovery: { enabled: true },
  });
  return { data: data.bucket };
}

const PROGRAMS = { insecureFoundation, securedFoundation };
const CONFIG = { 'aws:region': 'eu-west-1', 'aws:allowedAccountIds': ['111122223333'], 'aws:defaultTags': { tags: { Environment: 'dev', Owner: 'platform', Project: 'bulwark' } } };

let pack: PolicyPack;

beforeAll(async () => {
  pack = await PolicyPack.start(PACK_ROOT);
}, 120_000);

afterAll(async () => {
  await pack?.stop();
});

const policies = createPolicies();
const verdicts = (findings: readonly Finding[]) =>
  [...new Set(sortFindings(findings).map((finding) => `${finding.enforcement} ${finding.policy} ${finding.urn ?? '(stack)'}`))];

describe('the workspace pack over gRPC and in-process', () => {
  describe.each(Object.entries(PROGRAMS))('%s', (_name, program) => {
    it.each<RunMode>(['preview', 'update'])('reports the same findings both ways (%s)', async (mode) => {
      const result = await runProgram(program, { project: 'conformance', mode, config: CONFIG });
      const overGrpc = await pack.evaluate(result, {});
      const inProcess = await evaluateInProcess({ name: PACK_NAME, version: PACK_VERSION, policies }, result, {});
      expect(sortFindings(overGrpc.findings)).toEqual(sortFindings(inProcess));
    });

    it('gives the same verdicts in a first-time preview and in an update', async () => {
      const preview = await pack.evaluate(await runProgram(program, { project: 'modes', mode: 'preview', config: CONFIG }), {});
      const update = await pack.evaluate(await runProgram(program, { project: 'modes', mode: 'update', config: CONFIG }), {});
      expect(verdicts(update.findings)).toEqual(verdicts(preview.findings));
      expect(preview.findings.filter((finding) => finding.message.includes("can't run policy"))).toEqual([]);
    });
  });

  it('finds the violations of the insecure foundation and none on the secured one', async () => {
    const insecure = await pack.evaluate(await runProgram(insecureFoundation, { project: 'verdicts', config: CONFIG }), {});
    const mandatory = new Set(insecure.findings.filter((finding) => finding.enforcement === 'mandatory').map((finding) => finding.policy));
    for (const rule of [
      's3-bucket-public-access-block',
      's3-bucket-no-public-policy',
      's3-bucket-kms-encryption',
      's3-bucket-versioning',
      's3-bucket-tls-only',
      'sg-no-public-admin-ingress',
      'sg-ssh-single-host',
      'nacl-no-public-admin-ingress',
      'vpc-flow-logs',
      'kms-key-rotation',
      'iam-no-wildcard-action',
      'iam-no-wildcard-resource',
      'iam-trust-policy-no-public-principal',
      'rds-not-public',
      'rds-backup-retention',
      'rds-encryption-kms',
      'log-group-retention-kms',
      'ec2-imdsv2-required',
      'ec2-ebs-encryption-kms',
      'cloudtrail-secure',
      'guardduty-enabled',
      'lambda-no-public-invoke',
      'dynamodb-encryption-kms',
      'dynamodb-pitr',
    ]) {
      expect({ rule, mandatory: mandatory.has(rule) }).toEqual({ rule, mandatory: true });
    }
    const secured = await pack.evaluate(await runProgram(securedFoundation, { project: 'verdicts', config: CONFIG }), {});
    expect(secured.findings.filter((finding) => finding.enforcement === 'mandatory')).toEqual([]);
  });
});
