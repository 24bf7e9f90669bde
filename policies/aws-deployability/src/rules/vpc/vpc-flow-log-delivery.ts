/**
 * A flow log delivering to CloudWatch Logs needs an IAM role that `vpc-flow-logs.amazonaws.com` may assume (its trust
 * policy) and that may `logs:CreateLogStream` and `logs:PutLogEvents` in the log group (the VPC guide's "IAM role
 * for publishing flow logs to CloudWatch Logs"). Without either, the flow log is created and delivers nothing: its
 * status shows an access error. The trust check evaluates `sts:AssumeRole` as the service makes it, with
 * `aws:SourceAccount` and `aws:SourceArn` (a flow log ARN of the account).
 */
import type { PolicyResource } from '@pulumi/policy';
import { describeRequest, evaluateParsedPolicies, type PolicyRequest } from '@bulwark/aws-model';
import { rawProps, type Report, type ReportUndecided, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion, regionOf } from '../../lib/aws-location';
import { AWS_DOCS } from '../../lib/references';
import { ROLE_PERMISSION_TYPES, rolePermissions } from '../../lib/role-permissions';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

export const vpcFlowLogDelivery = stackRule({
  metadata: {
    id: 'vpc-flow-log-delivery',
    title: 'A flow log to CloudWatch Logs has a role the service can assume and write with',
    description:
      'A flow log to CloudWatch Logs needs an iamRoleArn whose trust policy lets vpc-flow-logs.amazonaws.com assume it ' +
      'and whose permissions allow logs:CreateLogStream and logs:PutLogEvents in the log group; otherwise it delivers ' +
      'nothing (an access error on the flow log).',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'vpc',
    controls: {},
    resourceTypes: [FLOW_LOG, ROLE, ...ROLE_PERMISSION_TYPES, 'aws:iam/policy:Policy', LOG_GROUP],
    remediation: 'Trust vpc-flow-logs.amazonaws.com (with aws:SourceAccount / aws:SourceArn conditions) and allow logs:CreateLogStream, logs:PutLogEvents (and logs:DescribeLogGroups, logs:DescribeLogStreams) on the log group.',
    decisions: [
      'An `iamRoleArn` unknown until apply that no dependency ties to one role of the stack (none recorded, or a component ' +
        'holding several roles, such as an awsx FargateTaskDefinition\'s task and execution roles) is reported undecided: ' +
        'the update run, where the ARN is known, links the role and judges it. So is such a `logDestination` when the role is known.',
      'A permission policy whose role is unknown and unlinked may be the flow log\'s role\'s: its document counts as unknown.',
      'A known `iamRoleArn` of a role the stack does not create names a role that exists already: its trust and permissions ' +
        'are not in the program, and the rule does not judge them. A known log group ARN outside the stack is still checked ' +
        'against the role\'s permissions, by the group name it holds.',
      'An unknown `logDestinationType` is undecided: only CloudWatch Logs delivery needs the role.',
    ],
    references: [AWS_DOCS.flowLogsCloudWatch],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const account = stackAccount(graph);
    for (const flowLog of graph.ofType([FLOW_LOG])) {
      const props = rawProps(flowLog.props);
      const type = stringValue(props['logDestinationType']);
      if (type === UNDECIDED) {
        undecided('logDestinationType', 'to CloudWatch Logs the flow log needs a role the service can assume and write with; to S3 or Firehose none', flowLog.urn);
        continue;
      }
      if (typeof type === 'string' && type !== 'cloud-watch-logs') continue;
      if (props['iamRoleArn'] === undefined) {
        report(`Flow log ${flowLog.name} delivers to CloudWatch Logs without an iamRoleArn: the service has no role to write with, so nothing is delivered.`, flowLog.urn);
        continue;
      }
      const openRole = graph.openReference(flowLog, 'iamRoleArn', [ROLE], 'role');
      if (openRole) undecided('iamRoleArn', `${openRole.reason}, so whether vpc-flow-logs.amazonaws.com may assume it and write to the log group is not checked`, flowLog.urn);
      // A known ARN of a role the stack does not create names a role that exists already, whose policies are not in
      // this program: there is nothing here to judge (see decisions).
      const roles = graph.refersTo(flowLog, 'iamRoleArn', [ROLE], ['arn']);
      const region = regionOf(flowLog);
      for (const role of roles) {
        if (account === undefined || typeof region !== 'string') {
          undecided('iamRoleArn', 'the account or region of the flow log is not known', flowLog.urn);
          continue;
        }
        checkRole(graph, flowLog, role, { account, region }, report, undecided);
      }
    }
  },
});

/** The names of the log groups a flow log writes to: linked groups of the stack, or the group a known ARN names. */
function logGroupNames(graph: StackGraph, flowLog: PolicyResource): (string | typeof UNDECIDED)[] {
  const linked = graph.refersTo(flowLog, 'logDestination', [LOG_GROUP], ['arn']);
  if (linked.length > 0) return linked.map((group) => (typeof stringValue(rawProps(group.props)['name']) === 'string' ? (stringValue(rawProps(group.props)['name']) as string) : UNDECIDED));
  // A group outside the stack (another stack's, or one that exists already): its ARN names it.
  const arn = stringValue(rawProps(flowLog.props)['logDestination']);
  const named = typeof arn === 'string' ? /:log-group:([^:]+)/.exec(arn)?.[1] : undefined;
  return named ? [named] : [];
}

/** Judges one linked role of a flow log: its trust policy, and its permission to write to the flow log's log group. */
function checkRole(
  graph: StackGraph,
  flowLog: PolicyResource,
  role: PolicyResource,
  where: { readonly account: string; readonly region: string },
  report: Report,
  undecided: ReportUndecided,
): void {
  const { account, region } = where;
  const partition = partitionOfRegion(region);
  const trust: PolicyRequest = {
    principal: { kind: 'service', service: 'vpc-flow-logs.amazonaws.com' },
    action: 'sts:AssumeRole',
    context: { 'aws:SourceAccount': account, 'aws:SourceArn': `arn:${partition}:ec2:${region}:${account}:vpc-flow-log/fl-0123456789abcdef0` },
  };
  const problems: string[] = [];
  let open = false;
  const trustVerdict = evaluateParsedPolicies([graph.parsedPolicy(rawProps(role.props)['assumeRolePolicy'])], trust);
  if (trustVerdict === UNDECIDED) open = true;
  else if (trustVerdict !== 'allowed') problems.push(`its trust policy refuses ${describeRequest(trust)}`);
  const permissions = rolePermissions(graph, role);
  const permissionDocuments = permissions.documents.map((document) => graph.parsedPolicy(document));
  for (const name of logGroupNames(graph, flowLog)) {
    if (name === UNDECIDED) {
      open = true;
      continue;
    }
    const streamArn = `arn:${partition}:logs:${region}:${account}:log-group:${name}:log-stream:eni-0123456789abcdef0-all`;
    for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents']) {
      const request: PolicyRequest = { principal: { kind: 'caller', description: `role ${role.name}` }, action, resource: streamArn, context: {} };
      const verdict = evaluateParsedPolicies(permissionDocuments, request);
      if (verdict === UNDECIDED) open = true;
      else if (verdict !== 'allowed') problems.push(`its permissions refuse ${action} on ${streamArn}`);
    }
  }
  if (problems.length > 0) {
    report(`Flow log ${flowLog.name} delivers through role ${role.name}, but ${problems.join('; ')}: nothing will be delivered.`, flowLog.urn);
    return;
  }
  const openGroup = graph.openReference(flowLog, 'logDestination', [LOG_GROUP], 'log group');
  if (openGroup) undecided('logDestination', `${openGroup.reason}, so whether role ${role.name} may write to it is not checked`, flowLog.urn);
  if (!open) return;
  if (permissions.unknown.length > 0 || permissions.open.length > 0) {
    // A policy the stack does not hold (AWS managed, or named by an unknown ARN) may allow or deny the writes.
    for (const policy of permissions.unknown) {
      undecided(policy.property, `role ${role.name} has policy ${policy.policy}, whose document is not in the stack; it decides whether flow log ${flowLog.name} may write to its log group`, policy.holder.urn);
    }
    // So may a policy whose role is unknown and unlinked, if it turns out to be this role's.
    for (const holder of permissions.open) {
      undecided(holder.type.endsWith('RolePoliciesExclusive') ? 'roleName' : 'role', `it may be role ${role.name}'s permissions, which decide whether flow log ${flowLog.name} may write to its log group`, holder.urn);
    }
  } else undecided('iamRoleArn', `role ${role.name}'s policies are not known in this mode`, flowLog.urn);
}
