/**
 * Services that deliver into an SSE-KMS bucket encrypt with its key as their own service principal, so the key
 * policy must admit them, as each guide's key-policy section shows:
 * - AWS Config (`config.amazonaws.com`: kms:Decrypt and kms:GenerateDataKey, for this account's recorder), into the
 *   delivery channel's `s3KmsKeyArn`, or the bucket's default key (the Config guide's "Permissions for the KMS Key");
 * - VPC flow logs to S3 through the log delivery service (`delivery.logs.amazonaws.com`: kms:Encrypt, kms:Decrypt,
 *   kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey), into the bucket's default key (the VPC guide's flow logs
 *   to S3 page).
 * A key that refuses them leaves the control deployed and delivering nothing.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_TYPES, bucketEncryption, bucketsNamedBy } from '../../lib/buckets';
import { checkKeyAccess, describeRefusals, type RequiredAccess } from '../../lib/key-access';
import { keyReference, type KeyReference } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';
const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';

/** The key a bucket encrypts new objects with by default, as a key reference (none for SSE-S3). */
function bucketKey(graph: StackGraph, bucket: PolicyResource): KeyReference | typeof UNDECIDED {
  const encryption = bucketEncryption(graph, bucket);
  if (encryption === UNDECIDED || encryption?.algorithm === UNDECIDED) return UNDECIDED;
  if (!encryption || !encryption.algorithm.startsWith('aws:kms')) return { kind: 'none' };
  return keyReference(graph, encryption.holder, encryption.keyProperty, encryption.kmsMasterKeyId);
}

export const kmsKeyAdmitsDeliveryServices = stackRule({
  metadata: {
    id: 'kms-key-admits-delivery-services',
    title: 'Keys of buckets that AWS Config and VPC flow logs deliver into admit those services',
    description:
      'AWS Config and VPC flow logs (through delivery.logs.amazonaws.com) encrypt what they deliver into an SSE-KMS bucket ' +
      'as their own service principal: the key policy of the delivery channel\'s key or the bucket\'s default key must ' +
      'allow config.amazonaws.com kms:Decrypt and kms:GenerateDataKey, and delivery.logs.amazonaws.com kms:Encrypt, ' +
      'kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey* and kms:DescribeKey, or nothing is delivered.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [CHANNEL, FLOW_LOG, 'aws:kms/key:Key', 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration'],
    remediation: 'Add the service statement to the key policy (core\'s configDeliveryKeyGrant / logDeliveryKeyGrant), conditioned on aws:SourceAccount of this account.',
    decisions: [
      'A delivery bucket (`s3BucketName`, `logDestination`) unknown until apply that no dependency ties to one bucket of ' +
        'the stack is reported undecided; the update run links it. A known bucket outside the stack is not judged: its ' +
        'key is not in the program. A bucket encryption configuration or key policy whose bucket or key is unlinked ' +
        'leaves the key (or its policy) unknown, so the verdict is undecided rather than a pass or a refusal.',
    ],
    references: [AWS_DOCS.configKeyPolicy, AWS_DOCS.flowLogsS3],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const fallbackAccount = stackAccount(graph);
    const judge = (holder: PolicyResource, property: string, reference: KeyReference | typeof UNDECIDED, service: string, actions: readonly string[]) => {
      if (reference === UNDECIDED || reference.kind === 'unknown') {
        undecided(property, `the key ${service} delivers with is not known in this mode`, holder.urn);
        return;
      }
      if (reference.kind !== 'stack') return;
      for (const key of reference.keys) {
        const account = key.account ?? fallbackAccount;
        if (account === undefined) {
          undecided(property, `the account of key ${key.key.name} is not known`, holder.urn);
          continue;
        }
        const required: RequiredAccess[] = actions.map((action) => ({
          request: { principal: { kind: 'service', service }, action, context: { 'aws:SourceAccount': account } },
          consequence: `${service} cannot encrypt what it delivers`,
        }));
        const { refused, undecided: open } = checkKeyAccess(key, required);
        if (refused.length > 0) report(`${holder.type.split(':').pop()} ${holder.name} delivers with key ${key.key.name}, whose policy refuses ${describeRefusals(refused)}. Add the service statement to the key policy.`, holder.urn);
        else if (open.length > 0) undecided(property, `key ${key.key.name}'s policy is not known in this mode`, holder.urn);
      }
    };
    for (const channel of graph.ofType([CHANNEL])) {
      const explicit = rawProps(channel.props)['s3KmsKeyArn'];
      const references: (KeyReference | typeof UNDECIDED)[] =
        explicit !== undefined ? [keyReference(graph, channel, 's3KmsKeyArn')] : bucketsNamedBy(graph, channel, 's3BucketName').map((bucket) => bucketKey(graph, bucket));
      const openBucket = explicit === undefined ? graph.openReference(channel, 's3BucketName', BUCKET_TYPES, 'bucket') : undefined;
      if (openBucket) undecided('s3BucketName', `${openBucket.reason}, so whether its default key admits config.amazonaws.com is not checked`, channel.urn);
      for (const reference of references) judge(channel, 's3KmsKeyArn', reference, 'config.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey']);
    }
    for (const flowLog of graph.ofType([FLOW_LOG])) {
      const type = stringValue(rawProps(flowLog.props)['logDestinationType']);
      if (type === UNDECIDED && bucketsNamedBy(graph, flowLog, 'logDestination').length > 0) {
        undecided('logDestinationType', 'delivered to S3, the bucket\'s key must admit delivery.logs.amazonaws.com', flowLog.urn);
        continue;
      }
      if (type !== 's3') continue;
      const openBucket = graph.openReference(flowLog, 'logDestination', BUCKET_TYPES, 'bucket');
      if (openBucket) undecided('logDestination', `${openBucket.reason}, so whether its default key admits delivery.logs.amazonaws.com is not checked`, flowLog.urn);
      for (const bucket of bucketsNamedBy(graph, flowLog, 'logDestination')) {
        judge(flowLog, 'logDestination', bucketKey(graph, bucket), 'delivery.logs.amazonaws.com', ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:GenerateDataKey', 'kms:DescribeKey']);
      }
    }
  },
});
