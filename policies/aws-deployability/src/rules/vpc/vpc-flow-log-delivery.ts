/**
 * A flow log delivering to CloudWatch Logs needs an IAM role that `vpc-flow-logs.amazonaws.com` may assume (its trust
 * policy) and that may `logs:CreateLogStream` and `logs:PutLogEvents` in the log group (the VPC guide's "IAM role
 * for publishing flow logs to CloudWatch Logs"). Without either, the flow log is created and delivers nothing: its
 * status shows an access error. The trust check evaluates `sts:AssumeRole` as the service makes it, with
 * `aws:SourceAccount` and `aws:SourceArn` (a flow log ARN of the account).
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown, listValue, rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion, regionOf } from '../../lib/aws-location';
import { describeRequest, evaluatePolicy, type PolicyRequest } from '../../lib/policy-evaluation';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const ROLE = 'aws:iam/role:Role';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const ROLE_POLICY = 'aws:iam/rolePolicy:RolePolicy';

/** The permission statements the stack gives `role`: inline RolePolicy resources and `inlinePolicies`. */
function permissionDocuments(graph: StackGraph, role: PolicyResource): unknown[] {
  const attached = graph.ofType([ROLE_POLICY]).filter((policy) => graph.refersTo(policy, 'role', [ROLE], ['name', 'id', 'arn']).includes(role));
  const documents: unknown[] = attached.map((policy) => rawProps(policy.props)['policy']);
  const inline = listValue(rawProps(role.props)['inlinePolicies']);
  if (inline === UNDECIDED) documents.push(UNDECIDED);
  else for (const entry of inline) documents.push((entry as Record<string, unknown> | undefined)?.['policy']);
  return documents;
}

function merged(documents: readonly unknown[]): unknown {
  if (documents.some((document) => document === UNDECIDED || isUnknown(document))) return undefined;
  const statements = documents.flatMap((document) => {
    let parsed: unknown = document;
    if (typeof document === 'string') {
      try {
        parsed = JSON.parse(document);
      } catch {
        parsed = undefined;
      }
    }
    const list = (parsed as { Statement?: unknown } | undefined)?.Statement;
    return Array.isArray(list) ? list : list ? [list] : [];
  });
  return { Version: '2012-10-17', Statement: statements };
}

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
    resourceTypes: [FLOW_LOG, ROLE, ROLE_POLICY, LOG_GROUP],
    remediation: 'Trust vpc-flow-logs.amazonaws.com (with aws:SourceAccount / aws:SourceArn conditions) and allow logs:CreateLogStream, logs:PutLogEvents (and logs:DescribeLogGroups, logs:DescribeLogStreams) on the log group.',
    references: [AWS_DOCS.flowLogsCloudWatch],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const account = stackAccount(graph);
    for (const flowLog of graph.ofType([FLOW_LOG])) {
      const props = rawProps(flowLog.props);
      const type = stringValue(props['logDestinationType']);
      if (typeof type === 'string' && type !== 'cloud-watch-logs') continue;
      const roles = graph.refersTo(flowLog, 'iamRoleArn', [ROLE], ['arn']);
      const groups = graph.refersTo(flowLog, 'logDestination', [LOG_GROUP], ['arn']);
      if (props['iamRoleArn'] === undefined) {
        report(`Flow log ${flowLog.name} delivers to CloudWatch Logs without an iamRoleArn: the service has no role to write with, so nothing is delivered.`, flowLog.urn);
        continue;
      }
      const region = regionOf(flowLog);
      for (const role of roles) {
        if (account === undefined || typeof region !== 'string') {
          undecided('iamRoleArn', 'the account or region of the flow log is not known', flowLog.urn);
          continue;
        }
        const partition = partitionOfRegion(region);
        const trust: PolicyRequest = {
          principal: { kind: 'service', service: 'vpc-flow-logs.amazonaws.com' },
          action: 'sts:AssumeRole',
          context: { 'aws:SourceAccount': account, 'aws:SourceArn': `arn:${partition}:ec2:${region}:${account}:vpc-flow-log/fl-0123456789abcdef0` },
        };
        const problems: string[] = [];
        let open = false;
        const trustVerdict = evaluatePolicy(rawProps(role.props)['assumeRolePolicy'], trust);
        if (trustVerdict === UNDECIDED) open = true;
        else if (trustVerdict !== 'allowed') problems.push(`its trust policy refuses ${describeRequest(trust)}`);
        const permissions = merged(permissionDocuments(graph, role));
        for (const group of groups) {
          const name = stringValue(rawProps(group.props)['name']);
          if (typeof name !== 'string' || permissions === undefined) {
            open = true;
            continue;
          }
          const streamArn = `arn:${partition}:logs:${region}:${account}:log-group:${name}:log-stream:eni-0123456789abcdef0-all`;
          for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents']) {
            const request: PolicyRequest = { principal: { kind: 'caller', description: `role ${role.name}` }, action, resource: streamArn, context: {} };
            const verdict = evaluatePolicy(permissions, request);
            if (verdict === UNDECIDED) open = true;
            else if (verdict !== 'allowed') problems.push(`its permissions refuse ${action} on ${streamArn}`);
          }
        }
        if (problems.length > 0) report(`Flow log ${flowLog.name} delivers through role ${role.name}, but ${problems.join('; ')}: nothing will be delivered.`, flowLog.urn);
        else if (open) undecided('iamRoleArn', `role ${role.name}'s policies are not known in this mode`, flowLog.urn);
      }
    }
  },
});
