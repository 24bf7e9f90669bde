/**
 * CreateTrail checks that the bucket policy lets CloudTrail write (InsufficientS3BucketPolicyException) and that the
 * key policy lets it encrypt (InsufficientEncryptionPolicyException), so the trail must be created after its
 * bucket's policy and after any separate key policy of its key. Pulumi orders resources only by their dependencies.
 * A bucket or key the rule cannot link (unknown until apply, no dependency on one of the stack) is judged against
 * every bucket or key it may be: the trail passes when it waits for each one's policy, and is undecided otherwise.
 */

/** The bucket policies a trail writing to `bucket` must wait for: linked ones, and those whose bucket is unlinked. */
function bucketPolicyNeeds(graph: StackGraph, bucket: PolicyResource): PolicyResource[] {
  return [...bucketPolicyResources(graph, bucket), ...openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE])];
}

/** The KeyPolicy resources a trail encrypting with `key` must wait for: linked ones, and those whose key is unlinked. */
function keyPolicyNeeds(graph: StackGraph, key: PolicyResource): PolicyResource[] {
  return [...keyPolicyResources(graph, key), ...graph.openCompanionsOf(key, [KEY_POLICY_TYPE], 'keyId', KEY_TYPES)];
}
import type { PolicyResource } from '@pulumi/policy';
import { stackRule } from '@bulwark/policy-kit';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, bucketPolicyResources, bucketsNamedBy, openBucketCompanions } from '../../lib/buckets';
import { KEY_POLICY_TYPE, KEY_TYPES, keyPolicyResources, keyReference } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const TRAIL = 'aws:cloudtrail/trail:Trail';

export const cloudtrailAfterBucketPolicy = stackRule({
  metadata: {
    id: 'cloudtrail-after-bucket-policy',
    title: 'Trails are created after their bucket policy and key policy',
    description:
      'A trail must depend on the policy of the bucket it writes to (and on a separate KeyPolicy of its key): CreateTrail ' +
      'checks both and fails with InsufficientS3BucketPolicyException or InsufficientEncryptionPolicyException when Pulumi ' +
      'creates the trail first.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudtrail',
    controls: {},
    resourceTypes: [TRAIL, 'aws:s3/bucketPolicy:BucketPolicy', KEY_POLICY_TYPE],
    remediation: 'Give the trail `dependsOn: [bucketPolicy]` (and the key policy resource, if the key\'s policy is separate).',
    decisions: [
      'An `s3BucketName` or `kmsKeyId` unknown until apply that no dependency ties to one bucket or key of the stack is ' +
        'judged against every bucket or key it may be: the trail passes if it depends on each one\'s policy, and is ' +
        'reported undecided otherwise (the update run, where the value is known, decides). A bucket or key policy whose ' +
        'own bucket or key is unlinked counts as one the trail may need.',
    ],
    references: [AWS_DOCS.cloudTrailBucketPolicy, AWS_DOCS.cloudTrailKeyPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const trail of graph.ofType([TRAIL])) {
      const missing: string[] = [];
      const waitsFor = (resource: PolicyResource) => graph.createdAfter(trail, resource);
      for (const bucket of bucketsNamedBy(graph, trail, 's3BucketName')) {
        for (const policy of bucketPolicyResources(graph, bucket)) if (!waitsFor(policy)) missing.push(`bucket policy ${policy.name}`);
        for (const policy of openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE]).filter((candidate) => !waitsFor(candidate))) {
          undecided('bucket', `it may be the policy of bucket ${bucket.name}, which trail ${trail.name} must then depend on`, policy.urn);
        }
      }
      const openBucket = graph.openReference(trail, 's3BucketName', BUCKET_TYPES, 'bucket');
      const bucketUnordered = (openBucket?.candidates ?? []).flatMap((bucket) => bucketPolicyNeeds(graph, bucket)).filter((policy) => !waitsFor(policy));
      if (openBucket && bucketUnordered.length > 0) {
        undecided('s3BucketName', `${openBucket.reason}; the trail must depend on its bucket's policy, and does not depend on ${[...new Set(bucketUnordered.map((policy) => policy.name))].join(', ')}`, trail.urn);
      }
      const openKey = graph.openReference(trail, 'kmsKeyId', KEY_TYPES, 'key');
      const keyUnordered = (openKey?.candidates ?? []).flatMap((key) => keyPolicyNeeds(graph, key)).filter((policy) => !waitsFor(policy));
      if (openKey && keyUnordered.length > 0) {
        undecided('kmsKeyId', `${openKey.reason}; the trail must depend on a separate KeyPolicy of its key, and does not depend on ${[...new Set(keyUnordered.map((policy) => policy.name))].join(', ')}`, trail.urn);
      }
      const key = keyReference(graph, trail, 'kmsKeyId');
      if (key.kind === 'stack') {
        for (const { key: stackKey } of key.keys) {
          for (const holder of keyPolicyResources(graph, stackKey)) {
            if (!waitsFor(holder)) missing.push(`key policy ${holder.name}`);
          }
          for (const holder of graph.openCompanionsOf(stackKey, [KEY_POLICY_TYPE], 'keyId', KEY_TYPES).filter((candidate) => !waitsFor(candidate))) {
            undecided('keyId', `it may be the policy of key ${stackKey.name}, which trail ${trail.name} must then depend on`, holder.urn);
          }
        }
      }
      if (missing.length > 0) {
        report(`Trail ${trail.name} does not depend on ${missing.join(', ')}: CreateTrail may run first and fail. Add them to the trail's dependsOn.`, trail.urn);
      }
    }
  },
});
