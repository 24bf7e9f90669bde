/**
 * config-recorder-enabled: AWS Config records every resource type, including global ones (IAM), delivers its
 * snapshots, and is actually recording. A recorder that is not started, has nowhere to deliver, or skips
 * resource types leaves gaps in the configuration history that audits and incident timelines rely on.
 *
 * A stack rule: a recorder is started by a separate `RecorderStatus` (whose `name` is the recorder's name) and
 * delivers through a separate `DeliveryChannel`. The status is tied to the recorder through the property
 * dependency of its `name` (preview, where the name may be unknown) or the name's value (a recorder without a
 * `name` is called "default"). A delivery channel in the recorder's region (or one whose region cannot be told)
 * counts. Stacks without a recorder are not in scope (`account-baseline-complete` checks presence). Unknown
 * values (preview) are decided in the update; an unlinked status with an unknown name may be the recorder's, so
 * the missing-status finding waits for the update.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, boolValue, describeValue, identifiersOf, isUnlinkedUnknown, listValue, rawProps, recordValue, refersTo, resourceRegion, resourcesOfType, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const RECORDER = 'aws:cfg/recorder:Recorder';
const RECORDER_STATUS = 'aws:cfg/recorderStatus:RecorderStatus';
const DELIVERY_CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';

/** The recorder name AWS uses when `name` is not set. */
const DEFAULT_RECORDER_NAME = 'default';
const ALL_SUPPORTED_STRATEGY = 'ALL_SUPPORTED_RESOURCE_TYPES';

/** What is wrong with a recorder's `recordingGroup`, as message lines (none when compliant or undecidable). */
function recordingGroupProblems(props: Record<string, unknown>): string[] {
  const group = blockValue(props['recordingGroup']);
  if (group === UNDECIDED) return [];
  if (group === undefined) {
    return ['`recordingGroup` is not set, so global resource types are not recorded; set `recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }`'];
  }
  const problems: string[] = [];
  const allSupported = boolValue(group['allSupported']);
  if (allSupported === false) {
    problems.push('`recordingGroup.allSupported` is false; set it to true so every supported resource type is recorded');
  }
  const resourceTypes = listValue(group['resourceTypes']);
  if (resourceTypes !== UNDECIDED && resourceTypes.length > 0 && allSupported !== false) {
    problems.push(
      `\`recordingGroup.resourceTypes\` limits recording to ${describeValue(resourceTypes)}; remove it and set \`allSupported: true\``,
    );
  }
  const strategies = listValue(group['recordingStrategies']);
  if (strategies !== UNDECIDED) {
    for (const entry of strategies) {
      const strategy = recordValue(entry);
      const useOnly = strategy === UNDECIDED ? UNDECIDED : stringValue(strategy?.['useOnly']);
      if (typeof useOnly === 'string' && useOnly !== ALL_SUPPORTED_STRATEGY) {
        problems.push(`\`recordingGroup.recordingStrategies[].useOnly\` is "${useOnly}"; set it to "${ALL_SUPPORTED_STRATEGY}"`);
      }
    }
  }
  const includeGlobal = boolValue(group['includeGlobalResourceTypes']);
  if (includeGlobal !== true && includeGlobal !== UNDECIDED) {
    problems.push(
      `\`recordingGroup.includeGlobalResourceTypes\` is ${describeValue(group['includeGlobalResourceTypes'])}; set it to true so IAM users, roles and policies are recorded`,
    );
  }
  return problems;
}

function sameRegionOrUndecidable(a: PolicyResource, b: PolicyResource): boolean {
  const regionA = resourceRegion(a);
  const regionB = resourceRegion(b);
  if (typeof regionA !== 'string' || typeof regionB !== 'string') return true;
  return regionA === regionB;
}

function deliveryChannelProblems(recorder: PolicyResource, channels: readonly PolicyResource[]): string[] {
  if (channels.some((channel) => sameRegionOrUndecidable(recorder, channel))) return [];
  const region = resourceRegion(recorder);
  const where = typeof region === 'string' ? ` in ${region}` : '';
  return [`no \`aws.cfg.DeliveryChannel\`${where}; add one with \`s3BucketName\` set so the recorder can deliver configuration snapshots`];
}

function statusProblems(recorder: PolicyResource, statuses: readonly PolicyResource[]): string[] {
  const props = rawProps(recorder.props);
  const identifiers = identifiersOf(recorder, ['name']);
  if (props['name'] === undefined || props['name'] === null) identifiers.add(DEFAULT_RECORDER_NAME);
  const linked = statuses.filter((status) => refersTo(status, 'name', recorder, identifiers));
  if (linked.length === 0) {
    if (statuses.some((status) => isUnlinkedUnknown(status, 'name'))) return [];
    return [
      'no `aws.cfg.RecorderStatus` refers to this recorder, so it is never started; add one with ' +
        '`name: recorder.name` and `isEnabled: true`',
    ];
  }
  const enabled = linked.some((status) => {
    const value = boolValue(rawProps(status.props)['isEnabled']);
    return value === true || value === UNDECIDED;
  });
  if (enabled) return [];
  return linked.map(
    (status) =>
      `\`aws.cfg.RecorderStatus\` "${status.name}" sets \`isEnabled\` to ${describeValue(rawProps(status.props)['isEnabled'])}; set it to true`,
  );
}

export const configRecorderEnabled = stackRule({
  metadata: {
    id: 'config-recorder-enabled',
    title: 'AWS Config records all resource types, delivers and is started',
    description:
      'Every AWS Config recorder must record all supported resource types including global ones ' +
      '(`recordingGroup.allSupported` and `includeGlobalResourceTypes` true, no narrower recording strategy), ' +
      'have a delivery channel, and be started by a `RecorderStatus` with `isEnabled: true`. Otherwise the ' +
      'configuration history that audits, Security Hub and incident response depend on has gaps.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'config',
    controls: { fsbp: ['Config.1'], cis: ['3.3'] },
    resourceTypes: [RECORDER, RECORDER_STATUS, DELIVERY_CHANNEL],
    remediation:
      'Give the `aws.cfg.Recorder` `recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }`, ' +
      'add an `aws.cfg.DeliveryChannel` (with `s3BucketName`) in the same region, and an `aws.cfg.RecorderStatus` ' +
      'with `name: recorder.name` and `isEnabled: true` (with `dependsOn` the delivery channel).',
  },
  check: ({ args, report }) => {
    const channels = resourcesOfType(args.resources, [DELIVERY_CHANNEL]);
    const statuses = resourcesOfType(args.resources, [RECORDER_STATUS]);
    for (const recorder of resourcesOfType(args.resources, [RECORDER])) {
      const problems = [
        ...recordingGroupProblems(rawProps(recorder.props)),
        ...deliveryChannelProblems(recorder, channels),
        ...statusProblems(recorder, statuses),
      ];
      if (problems.length > 0) report(problems.join('\n'), recorder.urn);
    }
  },
});
