/**
 * A flow log is created after what lets it deliver: its log group or bucket (the `logDestination`), its IAM role's
 * permission policy (RolePolicy / RolePolicyAttachment / the role's inline policies), and for S3 the bucket policy.
 * A flow log created before its role can write reports "Access error" and delivers nothing until it is recreated
 * (the VPC guide: the role must allow logs:CreateLogStream and logs:PutLogEvents; flow logs check permissions at
 * creation). Pulumi orders resources only by their dependencies, so the flow log must depend on each of them.
 *
 * A role or destination the rule cannot link (its ARN unknown until apply, and no dependency on one role or
 * destination of the stack: none, or on a component holding several) is judged against every resource it may be:
 * when the flow log waits for what each of them needs, the verdict holds whichever it is; otherwise it is undecided.
 * So is a permission or bucket policy whose own role or bucket is unlinked. A known ARN outside the stack names a
 * role or destination the program does not create, so there is nothing in it to wait for.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, bucketPolicyResources, bucketsNamedBy, openBucketCompanions } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { ROLE_PERMISSION_TYPES, rolePermissions } from '../../lib/role-permissions';
import { StackGraph } from '../../lib/stack-graph';

const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

/** The resource types `logDestination` may name for a destination type: log groups by default, buckets for s3. */
function destinationTypes(type: string | typeof UNDECIDED | undefined): readonly string[] {
  if (type === undefined || type === 'cloud-watch-logs') return [LOG_GROUP];
  if (type === 's3') return BUCKET_TYPES;
  // Unknown until apply: either; Kinesis Data Firehose: nothing of the stack the flow log must wait for here.
  return type === UNDECIDED ? [LOG_GROUP, ...BUCKET_TYPES] : [];
}

/** The destinations `types` stand for, in messages. */
function destinationWord(types: readonly string[]): string {
  if (types.every((type) => type === LOG_GROUP)) return 'log group';
  return types.includes(LOG_GROUP) ? 'log group or bucket' : 'bucket';
}

/** What a flow log delivering through `role` must be created after: its permission resources, linked or possibly its. */
function roleNeeds(graph: StackGraph, role: PolicyResource): PolicyResource[] {
  const permissions = rolePermissions(graph, role);
  return [...permissions.resources, ...permissions.open];
}

/** What a flow log delivering to `destination` must be created after: a log group itself, a bucket's policies. */
function destinationNeeds(graph: StackGraph, destination: PolicyResource): readonly PolicyResource[] {
  if (destination.type === LOG_GROUP) return [destination];
  return [...bucketPolicyResources(graph, destination), ...openBucketCompanions(graph, destination, [BUCKET_POLICY_TYPE])];
}

/** A resource's kind and name in messages (`RolePolicy write-logs`). */
function label(resource: PolicyResource): string {
  return `${resource.type.split(':').pop()} ${resource.name}`;
}

export const flowLogAfterPermissions = stackRule({
  metadata: {
    id: 'flow-log-after-permissions',
    title: 'Flow logs are created after their destination and delivery permissions',
    description:
      'A VPC flow log must be created after its log group (or bucket and its bucket policy) and after the permission ' +
      'policy of its IAM role. Created earlier, it cannot deliver ("Access error") and stays broken until recreated; ' +
      'Pulumi orders resources only by dependencies, so the flow log must depend on each.',
    decisions: [
      'A role or destination whose ARN is unknown until apply and that no dependency ties to one resource of the stack ' +
        '(none recorded, or a component holding several roles, such as an awsx FargateTaskDefinition) is judged against ' +
        'every role or destination it may be: if the flow log depends on what each needs, it passes; otherwise it is ' +
        'reported undecided on `iamRoleArn` or `logDestination`, and the update run, where the ARN is known, decides.',
      'A permission policy (or bucket policy) whose role (or bucket) is unknown and unlinked may be the flow log\'s: if the ' +
        'flow log does not depend on it, it is reported undecided on that policy.',
      'A known ARN of a role or destination the stack does not create names something that already exists: there is ' +
        'nothing of the program to order the flow log after.',
    ],
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'vpc',
    controls: {},
    resourceTypes: [FLOW_LOG, ROLE, ...ROLE_PERMISSION_TYPES, LOG_GROUP, ...BUCKET_TYPES, BUCKET_POLICY_TYPE],
    remediation: 'Pass the destination\'s arn and the role\'s arn as inputs, and add `dependsOn: [rolePolicy]` (and the bucket policy for S3) to the flow log.',
    references: [AWS_DOCS.flowLogsCloudWatch, AWS_DOCS.flowLogsS3],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const flowLog of graph.ofType([FLOW_LOG])) {
      const waitsFor = (resource: PolicyResource) => graph.createdAfter(flowLog, resource);
      const missing: string[] = [];
      for (const role of graph.refersTo(flowLog, 'iamRoleArn', [ROLE], ['arn'])) {
        const permissions = rolePermissions(graph, role);
        for (const permission of permissions.resources) if (!waitsFor(permission)) missing.push(`${label(permission)} (role ${role.name}'s permissions)`);
        for (const permission of permissions.open.filter((candidate) => !waitsFor(candidate))) {
          undecided(permission.type.endsWith('RolePoliciesExclusive') ? 'roleName' : 'role', `it may be role ${role.name}'s permissions, which flow log ${flowLog.name} must then depend on`, permission.urn);
        }
      }
      for (const destination of graph.refersTo(flowLog, 'logDestination', [LOG_GROUP], ['arn', 'name'])) {
        if (!waitsFor(destination)) missing.push(`log group ${destination.name}`);
      }
      for (const bucket of bucketsNamedBy(graph, flowLog, 'logDestination')) {
        for (const policy of bucketPolicyResources(graph, bucket)) if (!waitsFor(policy)) missing.push(`bucket policy ${policy.name} of ${bucket.name}`);
        for (const policy of openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE]).filter((candidate) => !waitsFor(candidate))) {
          undecided('bucket', `it may be the policy of bucket ${bucket.name}, which flow log ${flowLog.name} must then depend on`, policy.urn);
        }
      }
      if (missing.length > 0) {
        report(
          `Flow log ${flowLog.name} does not depend on ${missing.join(', ')}: Pulumi may create it first, and a flow log that cannot ` +
            'deliver when it is created stays in "Access error". Add them to the flow log\'s dependsOn.',
          flowLog.urn,
        );
      }
      const openRole = graph.openReference(flowLog, 'iamRoleArn', [ROLE], 'role');
      const roleUnordered = (openRole?.candidates ?? []).flatMap((role) => roleNeeds(graph, role)).filter((need) => !waitsFor(need));
      if (openRole && roleUnordered.length > 0) {
        undecided('iamRoleArn', `${openRole.reason}; the flow log must depend on its role's permissions, and does not depend on ${[...new Set(roleUnordered.map(label))].join(', ')}`, flowLog.urn);
      }
      const types = destinationTypes(stringValue(rawProps(flowLog.props)['logDestinationType']));
      const openDestination = types.length > 0 ? graph.openReference(flowLog, 'logDestination', types, destinationWord(types)) : undefined;
      const destinationUnordered = (openDestination?.candidates ?? []).flatMap((destination) => destinationNeeds(graph, destination)).filter((need) => !waitsFor(need));
      if (openDestination && destinationUnordered.length > 0) {
        undecided('logDestination', `${openDestination.reason}; the flow log must depend on its destination, and does not depend on ${[...new Set(destinationUnordered.map(label))].join(', ')}`, flowLog.urn);
      }
    }
  },
});
