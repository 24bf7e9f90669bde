/**
 * AWS Config recording through its service-linked role delivers as the `config.amazonaws.com` principal, so the
 * delivery channel's bucket policy must allow it `s3:GetBucketAcl` on the bucket and `s3:PutObject` on
 * `<bucket>/[prefix/]AWSLogs/<account>/Config/*` with the `bucket-owner-full-control` ACL (the Config guide's
 * "Permissions for the Amazon S3 Bucket" page, service-linked role section). PutDeliveryChannel checks it
 * (InsufficientDeliveryPolicyException); a recorder with a custom IAM role in the same account writes with the
 * role's own permissions and is not judged here.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion, regionOf } from '../../lib/aws-location';
import { describeRequests, logDeliveryVerdict } from '../../lib/bucket-access';
import { bucketsNamedBy, BUCKET_TYPES } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { SERVICE_LINKED_ROLE_TYPE, serviceLinkedRoleService } from '../../lib/service-linked-roles';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const RECORDER_TYPES = ['aws:cfg/recorder:Recorder', 'aws:cfg/configurationRecorder:ConfigurationRecorder'];
const CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';
const ROLE = 'aws:iam/role:Role';

/** Whether the stack's recorder delivers through Config's service-linked role. */
function usesServiceLinkedRole(graph: StackGraph, recorder: PolicyResource): boolean {
  const role = stringValue(rawProps(recorder.props)['roleArn']);
  if (typeof role === 'string' && serviceLinkedRoleService(role) === 'config.amazonaws.com') return true;
  return graph.refersTo(recorder, 'roleArn', [SERVICE_LINKED_ROLE_TYPE], ['arn']).some((slr) => stringValue(rawProps(slr.props)['awsServiceName']) === 'config.amazonaws.com');
}

export const configDeliveryBucketPolicy = stackRule({
  metadata: {
    id: 'config-delivery-bucket-policy',
    title: "The Config delivery channel's bucket policy lets Config deliver",
    description:
      'With a recorder on the Config service-linked role, the delivery channel\'s bucket must allow config.amazonaws.com ' +
      's3:GetBucketAcl on the bucket and s3:PutObject on <bucket>/[prefix/]AWSLogs/<account>/Config/* with ' +
      's3:x-amz-acl bucket-owner-full-control; otherwise PutDeliveryChannel fails with InsufficientDeliveryPolicyException.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'config',
    controls: {},
    resourceTypes: [...RECORDER_TYPES, CHANNEL, 'aws:s3/bucketPolicy:BucketPolicy'],
    remediation: 'Add the AWSConfigBucketPermissionsCheck and AWSConfigBucketDelivery statements of the Config guide to the bucket policy (aws:SourceAccount of this account).',
    decisions: [
      'A recorder `roleArn` unknown until apply that no dependency ties to a role of the stack may be the service-linked ' +
        'role: with a delivery channel in the stack, it is reported undecided. A channel `s3BucketName` unknown and tied to ' +
        'no one bucket of the stack is undecided too; the update run, where the values are known, decides.',
      'A known name of a bucket the stack does not create is not judged: its policy is not in the program.',
    ],
    references: [AWS_DOCS.configBucketPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const recorders = graph.ofType(RECORDER_TYPES);
    // A recorder whose role is unknown and tied to no role of the stack may use the service-linked role.
    const openRoles = recorders.flatMap((recorder) => {
      const open = graph.openReference(recorder, 'roleArn', [SERVICE_LINKED_ROLE_TYPE, ROLE], 'role');
      return open ? [{ recorder, open }] : [];
    });
    if (!recorders.some((recorder) => usesServiceLinkedRole(graph, recorder))) {
      if (graph.ofType([CHANNEL]).length > 0) {
        for (const { recorder, open } of openRoles) undecided('roleArn', `${open.reason}; with the Config service-linked role, the delivery bucket's policy must let config.amazonaws.com deliver`, recorder.urn);
      }
      return;
    }
    const account = stackAccount(graph);
    for (const channel of graph.ofType([CHANNEL])) {
      const prefix = stringValue(rawProps(channel.props)['s3KeyPrefix']);
      const region = regionOf(channel);
      if (account === undefined || prefix === UNDECIDED || typeof region !== 'string') {
        undecided('s3BucketName', "the account, region or key prefix of Config's deliveries is not known", channel.urn);
        continue;
      }
      const openBucket = graph.openReference(channel, 's3BucketName', BUCKET_TYPES, 'bucket');
      if (openBucket) undecided('s3BucketName', `${openBucket.reason}, so whether its policy lets Config deliver is not checked`, channel.urn);
      for (const bucket of bucketsNamedBy(graph, channel, 's3BucketName')) {
        const verdict = logDeliveryVerdict(graph, bucket, partitionOfRegion(region), {
          service: 'config.amazonaws.com',
          prefix,
          key: `AWSLogs/${account}/Config/${region}/2026/1/1/ConfigHistory/example.json.gz`,
          context: { 'aws:SourceAccount': account },
        });
        if (verdict && 'refused' in verdict) {
          report(
            `Delivery channel ${channel.name} delivers to bucket ${bucket.name}, whose policy refuses ${describeRequests(verdict.refused)}: PutDeliveryChannel fails with ` +
              'InsufficientDeliveryPolicyException. Add the Config statements of the Config guide.',
            channel.urn,
          );
        } else if (verdict) undecided('s3BucketName', verdict.undecided, channel.urn);
      }
    }
  },
});
