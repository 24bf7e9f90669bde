/**
 * A trail encrypted with a customer managed key of the stack: the key policy must let `cloudtrail.amazonaws.com`
 * do what the CloudTrail guide's key-policy page requires, or `CreateTrail` fails with
 * InsufficientEncryptionPolicyException (and an existing trail stops delivering):
 * - `kms:GenerateDataKey*` with the trail's ARN as encryption context (`kms:EncryptionContext:aws:cloudtrail:arn`);
 * - `kms:DescribeKey`. DescribeKey is not a cryptographic operation and carries no encryption context (KMS condition
 *   keys page), so a statement that conditions it on `kms:EncryptionContext:aws:cloudtrail:arn` never matches;
 * - `kms:Decrypt` when the trail's bucket uses an S3 Bucket Key: "kms:Decrypt permissions are required to create or
 *   update a trail with SSE-KMS encryption enabled".
 * Requests are evaluated as CloudTrail makes them: `aws:SourceArn` the trail's ARN, `aws:SourceAccount` its account.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion, regionOf } from '../../lib/aws-location';
import { BUCKET_TYPES, bucketEncryption, bucketsNamedBy } from '../../lib/buckets';
import { checkKeyAccess, describeRefusals, type RequiredAccess } from '../../lib/key-access';
import { keyReference, type StackKey } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const TRAIL = 'aws:cloudtrail/trail:Trail';
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';

function requiredAccess(trailArn: string, account: string, bucketKey: boolean): RequiredAccess[] {
  const source = { 'aws:SourceArn': trailArn, 'aws:SourceAccount': account };
  const principal = { kind: 'service', service: CLOUDTRAIL } as const;
  const encryptionContext = { 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn };
  const required: RequiredAccess[] = [
    {
      request: { principal, action: 'kms:GenerateDataKey', context: { ...source, ...encryptionContext } },
      consequence: 'CloudTrail cannot encrypt log files: CreateTrail fails with InsufficientEncryptionPolicyException',
    },
    {
      request: { principal, action: 'kms:DescribeKey', context: source },
      consequence: 'CloudTrail cannot describe the key: CreateTrail fails with InsufficientEncryptionPolicyException',
    },
  ];
  if (bucketKey) {
    required.push({
      request: { principal, action: 'kms:Decrypt', context: { ...source, ...encryptionContext } },
      consequence: 'the trail bucket uses an S3 Bucket Key, so creating the trail needs kms:Decrypt',
    });
  }
  return required;
}

/** Whether a bucket the trail writes to has SSE-KMS with a Bucket Key (UNDECIDED when unknown). */
function usesBucketKey(graph: StackGraph, trail: PolicyResource): boolean | typeof UNDECIDED {
  // A bucket the rule cannot link may use a Bucket Key: whether kms:Decrypt is needed waits for apply.
  if (graph.openReference(trail, 's3BucketName', BUCKET_TYPES, 'bucket')) return UNDECIDED;
  for (const bucket of bucketsNamedBy(graph, trail, 's3BucketName')) {
    const encryption = bucketEncryption(graph, bucket);
    if (encryption === UNDECIDED) return UNDECIDED;
    if (!encryption) continue;
    if (encryption.algorithm === UNDECIDED || encryption.bucketKeyEnabled === UNDECIDED) return UNDECIDED;
    if (encryption.algorithm.startsWith('aws:kms') && encryption.bucketKeyEnabled) return true;
  }
  return false;
}

export const kmsKeyAdmitsCloudtrail = stackRule({
  metadata: {
    id: 'kms-key-admits-cloudtrail',
    title: "A trail's KMS key lets CloudTrail encrypt, describe and (with a Bucket Key) decrypt",
    description:
      'A trail whose `kmsKeyId` is a key of the same stack needs that key policy to allow cloudtrail.amazonaws.com ' +
      'kms:GenerateDataKey* under the trail\'s encryption context, kms:DescribeKey without it (DescribeKey requests carry ' +
      'no encryption context), and kms:Decrypt when the trail bucket uses an S3 Bucket Key. Otherwise CreateTrail fails ' +
      'with InsufficientEncryptionPolicyException.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [TRAIL, 'aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'],
    remediation:
      'Give the key policy statements for cloudtrail.amazonaws.com as the CloudTrail guide shows: kms:GenerateDataKey* ' +
      'conditioned on kms:EncryptionContext:aws:cloudtrail:arn (and aws:SourceArn), kms:DescribeKey in its own statement ' +
      'conditioned on aws:SourceArn only, and kms:Decrypt when the bucket has a Bucket Key (core\'s cloudTrailKeyGrants).',
    references: [AWS_DOCS.cloudTrailKeyPolicy, AWS_DOCS.kmsConditionKeys],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const account = stackAccount(graph);
    for (const trail of graph.ofType([TRAIL])) {
      const reference = keyReference(graph, trail, 'kmsKeyId');
      if (reference.kind === 'unknown') {
        undecided('kmsKeyId', 'the key decides whether CloudTrail may use it', trail.urn);
        continue;
      }
      if (reference.kind !== 'stack') continue;
      const name = stringValue(rawProps(trail.props)['name']);
      const region = regionOf(trail);
      const bucketKey = usesBucketKey(graph, trail);
      for (const key of reference.keys) checkTrailKey(trail, key, { name, region, bucketKey, account }, report, undecided);
    }
  },
});

function checkTrailKey(
  trail: PolicyResource,
  key: StackKey,
  facts: { name: ReturnType<typeof stringValue>; region: ReturnType<typeof regionOf>; bucketKey: boolean | typeof UNDECIDED; account: string | undefined },
  report: (message: string, urn?: string) => void,
  undecided: (property: string, detail?: string, urn?: string) => void,
): void {
  const account = key.account ?? facts.account;
  if (typeof facts.name !== 'string' || typeof facts.region !== 'string' || account === undefined) {
    undecided('kmsKeyId', `the trail's name, region or account (needed to build its ARN) is not known`, trail.urn);
    return;
  }
  const trailArn = `arn:${partitionOfRegion(facts.region)}:cloudtrail:${facts.region}:${account}:trail/${facts.name}`;
  // With the Bucket Key unknown, kms:Decrypt is asked too: if the key allows it, the verdict stands either way.
  const { refused, undecided: open } = checkKeyAccess(key, requiredAccess(trailArn, account, facts.bucketKey !== false));
  const decisive = facts.bucketKey === UNDECIDED ? refused.filter((access) => access.request.action !== 'kms:Decrypt') : refused;
  if (decisive.length > 0) {
    report(
      `Trail ${trail.name} encrypts with key ${key.key.name}, whose key policy refuses ${describeRefusals(decisive)}. ` +
        'Add the CloudTrail statements of the CloudTrail guide to the key policy.',
      trail.urn,
    );
  } else if (open.length > 0 || refused.length > 0) {
    undecided('kmsKeyId', `key ${key.key.name}'s policy (or the bucket's Bucket Key) is not known in this mode`, trail.urn);
  }
}
