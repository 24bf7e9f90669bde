/**
 * CreateTrail checks that the bucket policy lets CloudTrail write (InsufficientS3BucketPolicyException) and that the
 * key policy lets it encrypt (InsufficientEncryptionPolicyException), so the trail must be created after its
 * bucket's policy and after any separate key policy of its key. Pulumi orders resources only by their dependencies.
 */
import { stackRule } from '@bulwark/policy-kit';
import { bucketPolicyResources, bucketsNamedBy } from '../../lib/buckets';
import { KEY_POLICY_TYPE, keyPolicyResources, keyReference } from '../../lib/kms-keys';
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
    references: [AWS_DOCS.cloudTrailBucketPolicy, AWS_DOCS.cloudTrailKeyPolicy],
  },
  check: ({ args, report }) => {
    const graph = new StackGraph(args.resources);
    for (const trail of graph.ofType([TRAIL])) {
      const missing: string[] = [];
      for (const bucket of bucketsNamedBy(graph, trail, 's3BucketName')) {
        for (const policy of bucketPolicyResources(graph, bucket)) if (!graph.createdAfter(trail, policy)) missing.push(`bucket policy ${policy.name}`);
      }
      const key = keyReference(graph, trail, 'kmsKeyId');
      if (key.kind === 'stack') {
        for (const { key: stackKey } of key.keys) {
          for (const holder of keyPolicyResources(graph, stackKey)) {
            if (!graph.createdAfter(trail, holder)) missing.push(`key policy ${holder.name}`);
          }
        }
      }
      if (missing.length > 0) {
        report(`Trail ${trail.name} does not depend on ${missing.join(', ')}: CreateTrail may run first and fail. Add them to the trail's dependsOn.`, trail.urn);
      }
    }
  },
});
