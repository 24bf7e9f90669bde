/**
 * Every VPC the stack declares has a flow log capturing ALL traffic: an `ec2.FlowLog` with `trafficType` "ALL"
 * whose `vpcId` refers to the VPC. Without flow logs there is no record of which addresses talked to what, so
 * incidents cannot be investigated; a REJECT-only or ACCEPT-only log misses half the picture. Flow logs attached
 * to a subnet or an ENI do not cover the whole VPC and do not count.
 *
 * Links go through `propertyDependencies` (works in a first-time preview, where ids are unknown) with a fall-back
 * to comparing known values, so preview and update give the same verdict. A `vpcId` taken from a component's output
 * (`vpc.vpcId` of an `awsx.ec2.Vpc`) depends on the component: it links to the one VPC the component holds; on a
 * component holding several it links none and, unknown, counts as tied to nothing (policy-kit links.ts). A flow log
 * whose `vpcId` is unknown and tied to nothing could belong to any VPC: per-VPC findings are then replaced by one stack-wide finding,
 * raised only when there are more uncovered VPCs than such flow logs, and otherwise each such flow log is reported
 * undecided on its `vpcId`. A linked flow log whose `trafficType` is unknown is reported undecided on it.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown, linkIndex, rawProps, reportUncovered, resourcesOfType, stackRule, type UncoveredTarget } from '@bulwark/policy-kit';

const VPC = 'aws:ec2/vpc:Vpc';
const DEFAULT_VPC = 'aws:ec2/defaultVpc:DefaultVpc';
const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';

/** The properties that identify a VPC when a flow log names it by value (present in a VPC's outputs). */
const VPC_IDENTIFIERS = ['id', 'arn'];

/** How a flow log's `trafficType` counts: ALL qualifies; anything else known does not; unknown is undecided. */
function trafficCoverage(flowLog: PolicyResource): 'all' | 'partial' | 'unknown' {
  const value = rawProps(flowLog.props)['trafficType'];
  if (isUnknown(value)) return 'unknown';
  return typeof value === 'string' && value.trim().toUpperCase() === 'ALL' ? 'all' : 'partial';
}

function describeTraffic(flowLog: PolicyResource): string {
  const value = rawProps(flowLog.props)['trafficType'];
  return value === undefined ? 'no trafficType' : `trafficType ${JSON.stringify(value)}`;
}

export const vpcFlowLogs = stackRule({
  metadata: {
    id: 'vpc-flow-logs',
    title: 'VPCs have flow logs for all traffic',
    description:
      'Every VPC must have a flow log with trafficType ALL attached to the VPC itself. Flow logs record accepted ' +
      'and rejected connections, the evidence needed to detect and investigate network intrusions.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'vpc',
    controls: { fsbp: ['EC2.6'], cis: ['3.7'] },
    resourceTypes: [VPC, DEFAULT_VPC, FLOW_LOG],
    remediation:
      'Add an `aws.ec2.FlowLog` with `vpcId: vpc.id`, `trafficType: "ALL"` and a destination (a KMS-encrypted ' +
      'CloudWatch log group with an IAM role, or an S3 bucket) for every VPC.',
    decisions: [
      'A flow log counts for a VPC when its `vpcId` refers to the VPC (property dependency, or the VPC\'s known id or ' +
        'ARN) and its `trafficType` is ALL; REJECT- or ACCEPT-only logs, and logs on subnets or ENIs, do not cover the VPC.',
      'A `vpcId` from a component\'s output (`vpc.vpcId` of an `awsx.ec2.Vpc`) depends on the component, not on the VPC ' +
        'it built: it refers to the VPC when the component holds exactly one. On a component holding several VPCs the ' +
        'dependency does not tell which, so it links none, and an unknown `vpcId` is then read as tied to nothing (below).',
      'Unknown values (first preview): a linked flow log whose `trafficType` is unknown leaves its VPC undecided (reported ' +
        'on the flow log). A flow log whose `vpcId` is unknown and tied to nothing may cover any VPC: uncovered VPCs are ' +
        'then reported once, stack-wide, when they outnumber such flow logs, and otherwise each such flow log is ' +
        'reported undecided on its `vpcId`.',
    ],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
  },
  check: ({ args, report, undecided }) => {
    const flowLogs = linkIndex(args.resources, [FLOW_LOG], 'vpcId', [VPC, DEFAULT_VPC], VPC_IDENTIFIERS);
    const unlinkedFlowLogs = flowLogs.unlinked.filter((flowLog) => trafficCoverage(flowLog) !== 'partial');
    const uncovered: UncoveredTarget[] = [];
    for (const vpc of resourcesOfType(args.resources, [VPC, DEFAULT_VPC])) {
      const attached = flowLogs.linkedTo(vpc);
      if (attached.some((flowLog) => trafficCoverage(flowLog) === 'all')) continue;
      // an attached flow log whose traffic type is unknown may well be ALL: the update decides
      const unknownTraffic = attached.filter((flowLog) => trafficCoverage(flowLog) === 'unknown');
      if (unknownTraffic.length > 0) {
        for (const flowLog of unknownTraffic) {
          undecided('trafficType', `its value decides whether VPC "${vpc.name}" has a flow log of all its traffic`, flowLog.urn);
        }
        continue;
      }
      const message =
        attached.length === 0
          ? `VPC "${vpc.name}" has no flow log. Add an aws.ec2.FlowLog with vpcId set to this VPC's id and trafficType "ALL".`
          : `VPC "${vpc.name}" has only flow logs that miss traffic (${attached
              .map((flowLog) => `"${flowLog.name}": ${describeTraffic(flowLog)}`)
              .join(', ')}). Set trafficType to "ALL" or add a flow log with trafficType "ALL".`;
      uncovered.push({ target: vpc, message });
    }
    reportUncovered(
      report,
      uncovered,
      unlinkedFlowLogs,
      () =>
        `${uncovered.length} VPCs (${uncovered.map(({ target }) => `"${target.name}"`).join(', ')}) have no flow log with ` +
        `trafficType "ALL" tied to them, and only ${unlinkedFlowLogs.length} flow log(s) ` +
        `(${unlinkedFlowLogs.map((flowLog) => `"${flowLog.name}"`).join(', ')}) have a vpcId that is not known yet. ` +
        'Pass each VPC\'s id output (vpc.id) as a flow log\'s vpcId so the link is visible, with trafficType "ALL".',
      {
        undecided,
        property: 'vpcId',
        detail: (targets) =>
          `its value decides which VPC this flow log covers, and ${targets.map(({ target }) => `"${target.name}"`).join(', ')} ` +
          `${targets.length === 1 ? 'has' : 'have'} no other (pass vpc.id so the link is visible)`,
      },
    );
  },
});
