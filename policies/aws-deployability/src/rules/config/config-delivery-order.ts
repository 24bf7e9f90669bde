/**
 * AWS Config's resources must be created in the order its API requires: the delivery channel after the recorder
 * (PutDeliveryChannel fails with NoAvailableConfigurationRecorderException) and after the policy of its bucket
 * (InsufficientDeliveryPolicyException), and the recorder status (StartConfigurationRecorder) after the delivery
 * channel (NoAvailableDeliveryChannelException). Pulumi orders resources only by their dependencies.
 */
import type { PolicyResource } from '@pulumi/policy';
import { stackRule } from '@bulwark/policy-kit';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, bucketPolicyResources, bucketsNamedBy, openBucketCompanions } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const RECORDER_TYPES = ['aws:cfg/recorder:Recorder', 'aws:cfg/configurationRecorder:ConfigurationRecorder'];
const CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';
const STATUS = 'aws:cfg/recorderStatus:RecorderStatus';

export const configDeliveryOrder = stackRule({
  metadata: {
    id: 'config-delivery-order',
    title: 'Config recorder, delivery channel and recorder status are created in the order AWS requires',
    description:
      'The delivery channel must depend on the recorder and on its bucket\'s policy, and the recorder status on the ' +
      'delivery channel: otherwise Pulumi may create them in parallel and PutDeliveryChannel or StartConfigurationRecorder ' +
      'fails (NoAvailableConfigurationRecorderException, InsufficientDeliveryPolicyException, NoAvailableDeliveryChannelException).',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'config',
    controls: {},
    resourceTypes: [...RECORDER_TYPES, CHANNEL, STATUS],
    remediation: 'Give the delivery channel `dependsOn: [recorder, bucketPolicy]` and the recorder status `dependsOn: [deliveryChannel]`.',
    decisions: [
      'An `s3BucketName` unknown until apply that no dependency ties to one bucket of the stack is judged against every ' +
        'bucket it may be: the channel passes if it depends on each one\'s policy, and is reported undecided otherwise.',
    ],
    references: [AWS_DOCS.configDeliveryChannel, AWS_DOCS.configStartRecorder],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const recorders = graph.ofType(RECORDER_TYPES);
    const channels = graph.ofType([CHANNEL]);
    for (const channel of channels) {
      const waitsFor = (resource: PolicyResource) => graph.createdAfter(channel, resource);
      const missing = recorders.filter((recorder) => !waitsFor(recorder)).map((recorder) => `recorder ${recorder.name}`);
      for (const bucket of bucketsNamedBy(graph, channel, 's3BucketName')) {
        for (const policy of bucketPolicyResources(graph, bucket)) if (!waitsFor(policy)) missing.push(`bucket policy ${policy.name}`);
        for (const policy of openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE]).filter((candidate) => !waitsFor(candidate))) {
          undecided('bucket', `it may be the policy of bucket ${bucket.name}, which delivery channel ${channel.name} must then depend on`, policy.urn);
        }
      }
      // A bucket the rule cannot link: the channel passes if it waits for the policy of every bucket it may be.
      const openBucket = graph.openReference(channel, 's3BucketName', BUCKET_TYPES, 'bucket');
      const unordered = (openBucket?.candidates ?? [])
        .flatMap((bucket) => [...bucketPolicyResources(graph, bucket), ...openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE])])
        .filter((policy) => !waitsFor(policy));
      if (openBucket && unordered.length > 0) {
        undecided('s3BucketName', `${openBucket.reason}; the channel must depend on its bucket's policy, and does not depend on ${[...new Set(unordered.map((policy) => policy.name))].join(', ')}`, channel.urn);
      }
      if (missing.length > 0) {
        report(`Delivery channel ${channel.name} does not depend on ${missing.join(', ')}: PutDeliveryChannel may run first and fail. Add them to its dependsOn.`, channel.urn);
      }
    }
    for (const status of graph.ofType([STATUS])) {
      const missing = channels.filter((channel) => !graph.createdAfter(status, channel));
      if (missing.length > 0) {
        report(
          `Recorder status ${status.name} does not depend on delivery channel ${missing.map((channel) => channel.name).join(', ')}: StartConfigurationRecorder may run first and fail with NoAvailableDeliveryChannelException. Add dependsOn: [deliveryChannel].`,
          status.urn,
        );
      }
    }
  },
});
