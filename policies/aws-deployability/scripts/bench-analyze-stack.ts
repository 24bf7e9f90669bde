/**
 * Times the pack's AnalyzeStack on a large generated stack, by hand (not a test: timings depend on the machine):
 *   npx ts-node --transpile-only scripts/bench-analyze-stack.ts [GROUPS=200] [REPEATS=3]
 * Each group is one account-foundation slice that every relating rule questions: a key with a KeyPolicy, a trail
 * into a KMS-encrypted bucket with its bucket policy, encryption, ownership and access logging, a log group under the
 * key, a flow log with its role and role policy, an RDS instance and an Auto Scaling launch template on the key.
 * The stack rules run in-process with the policy SDK's semantics (`evaluate`, as specs do), so the time is the
 * rules' own plus the per-policy deserialization every AnalyzeStack pays. Prints the best total and each stack
 * rule's best time.
 */
import { performance } from 'node:perf_hooks';
import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { type RuleDefinition } from '@bulwark/policy-kit';
import { allRules } from '../src/rules';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function statement(service: string, actions: readonly string[], condition?: object) {
  return { Effect: 'Allow', Principal: { Service: service }, Action: actions, Resource: '*', ...(condition ? { Condition: condition } : {}) };
}

/** The generated stack: `groups` slices; `known` gives every ARN its value (an update), else ARNs are unknown (a preview). */
function largeStack(groups: number, known: boolean) {
  const provider = resource('pulumi:providers:aws', { region: REGION }, { name: 'provider' });
  const logTarget = resource('aws:s3/bucket:Bucket', { bucket: 'access-logs' }, { name: 'access-logs', provider });
  const records = [provider, logTarget];
  const arn = (value: string) => (known ? value : UNKNOWN_VALUE);
  for (let index = 0; index < groups; index += 1) {
    const keyPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
        statement('cloudtrail.amazonaws.com', ['kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:Decrypt']),
        statement(`logs.${REGION}.amazonaws.com`, ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*']),
      ],
    });
    const key = resource('aws:kms/key:Key', { arn: arn(`arn:aws:kms:${REGION}:${ACCOUNT}:key/k${index}`) }, { name: `key-${index}`, provider });
    const keyPolicyHolder = resource('aws:kms/keyPolicy:KeyPolicy', { keyId: UNKNOWN_VALUE, policy: keyPolicy }, { name: `key-policy-${index}`, dependsOn: { keyId: [key] }, provider });
    const bucketName = `trail-logs-${index}`;
    const bucket = resource('aws:s3/bucket:Bucket', { bucket: bucketName, arn: arn(`arn:aws:s3:::${bucketName}`) }, { name: bucketName, provider });
    const bucketPolicy = resource(
      'aws:s3/bucketPolicy:BucketPolicy',
      {
        bucket: bucketName,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucketName}` },
            { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucketName}/AWSLogs/${ACCOUNT}/*` },
          ],
        }),
      },
      { name: `${bucketName}-policy`, dependsOn: { bucket: [bucket] }, provider },
    );
    const encryption = resource(
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
      { bucket: bucketName, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE }, bucketKeyEnabled: true }] },
      { name: `${bucketName}-encryption`, dependsOn: { bucket: [bucket], rules: [key] }, provider },
    );
    const ownership = resource('aws:s3/bucketOwnershipControls:BucketOwnershipControls', { bucket: bucketName, rule: { objectOwnership: 'BucketOwnerEnforced' } }, { name: `${bucketName}-ownership`, dependsOn: { bucket: [bucket] }, provider });
    const logging = resource('aws:s3/bucketLogging:BucketLogging', { bucket: bucketName, targetBucket: 'access-logs' }, { name: `${bucketName}-logging`, dependsOn: { bucket: [bucket], targetBucket: [logTarget] }, provider });
    const trail = resource(
      'aws:cloudtrail/trail:Trail',
      { name: `trail-${index}`, s3BucketName: bucketName, kmsKeyId: UNKNOWN_VALUE },
      { name: `trail-${index}`, dependsOn: { kmsKeyId: [key], s3BucketName: [bucket] }, explicitDependsOn: [bucketPolicy], provider },
    );
    const logGroup = resource('aws:cloudwatch/logGroup:LogGroup', { name: `/flow/${index}`, kmsKeyId: UNKNOWN_VALUE, arn: arn(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/flow/${index}`) }, { name: `flow-${index}`, dependsOn: { kmsKeyId: [key] }, provider });
    const role = resource(
      'aws:iam/role:Role',
      { arn: arn(`arn:aws:iam::${ACCOUNT}:role/flow-${index}`), assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) },
      { name: `flow-role-${index}`, provider },
    );
    const rolePolicy = resource(
      'aws:iam/rolePolicy:RolePolicy',
      { role: UNKNOWN_VALUE, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] }) },
      { name: `flow-role-policy-${index}`, dependsOn: { role: [role] }, provider },
    );
    const flowLog = resource(
      'aws:ec2/flowLog:FlowLog',
      { logDestinationType: 'cloud-watch-logs', iamRoleArn: UNKNOWN_VALUE, logDestination: UNKNOWN_VALUE, trafficType: 'ALL' },
      { name: `flow-log-${index}`, dependsOn: { iamRoleArn: [role], logDestination: [logGroup] }, explicitDependsOn: [rolePolicy], provider },
    );
    const database = resource('aws:rds/instance:Instance', { identifier: `db-${index}`, kmsKeyId: UNKNOWN_VALUE, engine: 'postgres', engineVersion: '16.4' }, { name: `db-${index}`, dependsOn: { kmsKeyId: [key] }, provider });
    const template = resource(
      'aws:ec2/launchTemplate:LaunchTemplate',
      { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: UNKNOWN_VALUE } }] },
      { name: `template-${index}`, dependsOn: { blockDeviceMappings: [key] }, provider },
    );
    const group = resource('aws:autoscaling/group:Group', { launchTemplate: { id: UNKNOWN_VALUE } }, { name: `asg-${index}`, dependsOn: { launchTemplate: [template] }, provider });
    records.push(key, keyPolicyHolder, bucket, bucketPolicy, encryption, ownership, logging, trail, logGroup, role, rolePolicy, flowLog, database, template, group);
  }
  return records;
}

/** The best of `repeats` runs of `rules` on `records`, in milliseconds, and the findings of the last. */
async function best(rules: readonly RuleDefinition[], records: ReturnType<typeof largeStack>, repeats: number): Promise<{ ms: number; findings: number }> {
  let fastest = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let run = 0; run < repeats; run += 1) {
    const started = performance.now();
    findings = (await evaluate(rules, records)).length;
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { ms: fastest, findings };
}

async function main(): Promise<void> {
  const groups = Number(process.argv[2] ?? 200);
  const repeats = Number(process.argv[3] ?? 3);
  const stackRules = allRules.filter((rule) => rule.kind === 'stack');
  for (const known of [false, true]) {
    const records = largeStack(groups, known);
    const total = await best(stackRules, records, repeats);
    console.log(`${known ? 'update' : 'preview'}: ${records.length} resources, ${stackRules.length} stack rules: ${total.ms.toFixed(0)} ms (${total.findings} findings)`);
    for (const rule of stackRules) {
      const alone = await best([rule], records, repeats);
      console.log(`  ${rule.metadata.id.padEnd(40)} ${alone.ms.toFixed(0).padStart(7)} ms  ${alone.findings} findings`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
