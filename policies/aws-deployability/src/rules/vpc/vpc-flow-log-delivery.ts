/**
 * A flow log delivering to CloudWatch Logs needs an IAM role that `vpc-flow-logs.amazonaws.com` may assume (its trust
 * policy) and that may `logs:CreateLogStream` and `logs:PutLogEvents` in the log group (the VPC guide's "IAM role
 * for publishing flow logs to CloudWatch Logs"). Without either, the flow log is created and delivers nothing: its
 * status shows an access error. The trust check evaluates `sts:AssumeRole` as the service makes it, with
 * `aws:SourceAccount` and `aws:SourceArn` (a flow log ARN of the account).
 */
import { describeRequest, evaluateParsedPolicies, type PolicyRequest } from '@bulwark/aws-model';
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
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
        const trustVerdict = evaluateParsedPolicies([graph.parsedPolicy(rawProps(role.props)['assumeRolePolicy'])], trust);
        if (trustVerdict === UNDECIDED) open = true;
        else if (trustVerdict !== 'allowed') problems.push(`its trust policy refuses ${describeRequest(trust)}`);
        const permissions = rolePermissions(graph, role);
        const permissionDocuments = permissions.documents.map((document) => graph.parsedPolicy(document));
        for (const group of groups) {
          const name = stringValue(rawProps(group.props)['name']);
          if (typeof name !== 'string') {
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
        if (problems.length > 0) report(`Flow log ${flowLog.name} delivers through role ${role.name}, but ${problems.join('; ')}: nothing will be delivered.`, flowLog.urn);
        else if (open && permissions.unknown.length > 0) {
          // A policy the stack does not hold (AWS managed, or named by an unknown ARN) may allow or deny the writes.
          for (const policy of permissions.unknown) {
            undecided(policy.property, `role ${role.name} has policy ${policy.policy}, whose document is not in the stack; it decides whether flow log ${flowLog.name} may write to its log group`, policy.holder.urn);
          }
        } else if (open) undecided('iamRoleArn', `role ${role.name}'s policies are not known in this mode`, flowLog.urn);
      }
    }
  },
});
