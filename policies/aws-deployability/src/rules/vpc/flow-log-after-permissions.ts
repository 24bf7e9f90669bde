/**
 * A flow log is created after what lets it deliver: its log group or bucket (the `logDestination`), its IAM role's
 * permission policy (RolePolicy / RolePolicyAttachment / the role's inline policies), and for S3 the bucket policy.
 * A flow log created before its role can write reports "Access error" and delivers nothing until it is recreated
 * (the VPC guide: the role must allow logs:CreateLogStream and logs:PutLogEvents; flow logs check permissions at
 * creation). Pulumi orders resources only by their dependencies, so the flow log must depend on each of them.
 */
import { stackRule } from '@bulwark/policy-kit';
import { bucketPolicyResources, bucketsNamedBy } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { ROLE_PERMISSION_TYPES, rolePermissions } from '../../lib/role-permissions';
import { StackGraph } from '../../lib/stack-graph';

const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

export const flowLogAfterPermissions = stackRule({
  metadata: {
    id: 'flow-log-after-permissions',
    title: 'Flow logs are created after their destination and delivery permissions',
    description:
      'A VPC flow log must be created after its log group (or bucket and its bucket policy) and after the permission ' +
      'policy of its IAM role. Created earlier, it cannot deliver ("Access error") and stays broken until recreated; ' +
      'Pulumi orders resources only by dependencies, so the flow log must depend on each.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'vpc',
    controls: {},
    resourceTypes: [FLOW_LOG, ROLE, ...ROLE_PERMISSION_TYPES, LOG_GROUP],
    remediation: 'Pass the destination\'s arn and the role\'s arn as inputs, and add `dependsOn: [rolePolicy]` (and the bucket policy for S3) to the flow log.',
    references: [AWS_DOCS.flowLogsCloudWatch, AWS_DOCS.flowLogsS3],
  },
  check: ({ args, report }) => {
    const graph = new StackGraph(args.resources);
    for (const flowLog of graph.ofType([FLOW_LOG])) {
      const missing: string[] = [];
      for (const role of graph.refersTo(flowLog, 'iamRoleArn', [ROLE], ['arn'])) {
        for (const permission of rolePermissions(graph, role).resources) {
          if (!graph.createdAfter(flowLog, permission)) missing.push(`${permission.type.split(':').pop()} ${permission.name} (role ${role.name}'s permissions)`);
        }
      }
      for (const destination of graph.refersTo(flowLog, 'logDestination', [LOG_GROUP], ['arn', 'name'])) {
        if (!graph.createdAfter(flowLog, destination)) missing.push(`log group ${destination.name}`);
      }
      for (const bucket of bucketsNamedBy(graph, flowLog, 'logDestination')) {
        for (const policy of bucketPolicyResources(graph, bucket)) {
          if (!graph.createdAfter(flowLog, policy)) missing.push(`bucket policy ${policy.name} of ${bucket.name}`);
        }
      }
      if (missing.length > 0) {
        report(
          `Flow log ${flowLog.name} does not depend on ${missing.join(', ')}: Pulumi may create it first, and a flow log that cannot ` +
            'deliver when it is created stays in "Access error". Add them to the flow log\'s dependsOn.',
          flowLog.urn,
        );
      }
    }
  },
});
