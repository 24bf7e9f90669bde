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
 * values (preview) that could change a recorder's verdict are reported undecided where they sit; an unlinked status
 * with an unknown name may be the recorder's.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, boolValue, componentTree, type ComponentTree, dependencyTargets, describeValue, identifiersOf, isUnlinkedUnknown, listValue, rawProps, recordValue, refersTo, resourceRegion, resourcesOfType, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

/** Where an unknown value leaves a recorder's verdict open. */
interface OpenQuestion {
  readonly holder: PolicyResource;
  readonly property: string;
}

/** A recorder's problems (message lines) and the unknowns that could add one. */
interface RecorderVerdict {
  readonly problems: string[];
  readonly open: OpenQuestion[];
}

const RECORDER = 'aws:cfg/recorder:Recorder';
const RECORDER_STATUS = 'aws:cfg/recorderStatus:RecorderStatus';
const DELIVERY_CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';

/** The recorder name AWS uses when `name` is not set. */
const DEFAULT_RECORDER_NAME = 'default';
const ALL_SUPPORTED_STRATEGY = 'ALL_SUPPORTED_RESOURCE_TYPES';

/** What is wrong with a recorder's `recordingGroup`, and its unknown parts that could be wrong. */
function recordingGroupVerdict(recorder: PolicyResource, verdict: RecorderVerdict): void {
  const { problems, open } = verdict;
  const ask = (property: string) => open.push({ holder: recorder, property });
  const group = blockValue(rawProps(recorder.props)['recordingGroup']);
  if (group === UNDECIDED) {
    ask('recordingGroup');
    return;
  }
  if (group === undefined) {
    problems.push('`recordingGroup` is not set, so global resource types are not recorded; set `recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }`');
    return;
  }
  const allSupported = boolValue(group['allSupported']);
  if (allSupported === false) {
    problems.push('`recordingGroup.allSupported` is false; set it to true so every supported resource type is recorded');
  } else if (allSupported === UNDECIDED) ask('recordingGroup.allSupported');
  const resourceTypes = listValue(group['resourceTypes']);
  if (resourceTypes === UNDECIDED) ask('recordingGroup.resourceTypes');
  else if (resourceTypes.length > 0 && allSupported !== false) {
    problems.push(
      `\`recordingGroup.resourceTypes\` limits recording to ${describeValue(resourceTypes)}; remove it and set \`allSupported: true\``,
    );
  }
  const strategies = listValue(group['recordingStrategies']);
  if (strategies === UNDECIDED) ask('recordingGroup.recordingStrategies');
  else {
    strategies.forEach((entry, index) => {
      const strategy = recordValue(entry);
      const useOnly = strategy === UNDECIDED ? UNDECIDED : stringValue(strategy?.['useOnly']);
      if (useOnly === UNDECIDED) ask(`recordingGroup.recordingStrategies[${index}]${strategy === UNDECIDED ? '' : '.useOnly'}`);
      else if (typeof useOnly === 'string' && useOnly !== ALL_SUPPORTED_STRATEGY) {
        problems.push(`\`recordingGroup.recordingStrategies[].useOnly\` is "${useOnly}"; set it to "${ALL_SUPPORTED_STRATEGY}"`);
      }
    });
  }
  const includeGlobal = boolValue(group['includeGlobalResourceTypes']);
  if (includeGlobal === UNDECIDED) ask('recordingGroup.includeGlobalResourceTypes');
  else if (includeGlobal !== true) {
    problems.push(
      `\`recordingGroup.includeGlobalResourceTypes\` is ${describeValue(group['includeGlobalResourceTypes'])}; set it to true so IAM users, roles and policies are recorded`,
    );
  }
}

/** Whether a channel is in the recorder's region: a region nothing states matches, an unknown one is open. */
function regionMatch(recorder: PolicyResource, channel: PolicyResource): boolean | typeof UNDECIDED {
  const regionA = resourceRegion(recorder);
  const regionB = resourceRegion(channel);
  if (regionA === UNDECIDED || regionB === UNDECIDED) return UNDECIDED;
  if (typeof regionA !== 'string' || typeof regionB !== 'string') return true;
  return regionA === regionB;
}

function deliveryChannelVerdict(recorder: PolicyResource, channels: readonly PolicyResource[], verdict: RecorderVerdict): void {
  const matches = channels.map((channel) => regionMatch(recorder, channel));
  if (matches.includes(true)) return;
  const unknown = channels.filter((_, index) => matches[index] === UNDECIDED);
  if (unknown.length > 0) {
    // The region is unknown on whichever side: name the channel's region as what decides.
    unknown.forEach((channel) => verdict.open.push({ holder: channel, property: 'region' }));
    return;
  }
  const region = resourceRegion(recorder);
  const where = typeof region === 'string' ? ` in ${region}` : '';
  verdict.problems.push(`no \`aws.cfg.DeliveryChannel\`${where}; add one with \`s3BucketName\` set so the recorder can deliver configuration snapshots`);
}

function statusVerdict(recorder: PolicyResource, statuses: readonly PolicyResource[], components: ComponentTree, verdict: RecorderVerdict): void {
  const props = rawProps(recorder.props);
  const identifiers = identifiersOf(recorder, ['name']);
  if (props['name'] === undefined || props['name'] === null) identifiers.add(DEFAULT_RECORDER_NAME);
  const linked = statuses.filter((status) => refersTo(status, 'name', recorder, identifiers, components));
  if (linked.length === 0) {
    const unlinked = statuses.filter((status) => isUnlinkedUnknown(status, 'name', dependencyTargets(status, 'name', [RECORDER], components)));
    if (unlinked.length > 0) {
      unlinked.forEach((status) => verdict.open.push({ holder: status, property: 'name' }));
      return;
    }
    verdict.problems.push(
      'no `aws.cfg.RecorderStatus` refers to this recorder, so it is never started; add one with ' +
        '`name: recorder.name` and `isEnabled: true`',
    );
    return;
  }
  const values = linked.map((status) => boolValue(rawProps(status.props)['isEnabled']));
  if (values.includes(true)) return;
  if (values.includes(UNDECIDED)) {
    linked.forEach((status, index) => values[index] === UNDECIDED && verdict.open.push({ holder: status, property: 'isEnabled' }));
    return;
  }
  verdict.problems.push(
    ...linked.map(
      (status) =>
        `\`aws.cfg.RecorderStatus\` "${status.name}" sets \`isEnabled\` to ${describeValue(rawProps(status.props)['isEnabled'])}; set it to true`,
    ),
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
    decisions: [
      'A status belongs to a recorder through the property dependency of its `name`, or the name\'s value (a recorder ' +
        'without `name` is "default"). A delivery channel counts when it is in the recorder\'s region, or when neither ' +
        'region can be told from inputs or providers.',
      'Unknown values (first preview): an unknown recording group or flag, resource-type list, strategy, a channel ' +
        'region, a linked status\'s `isEnabled`, or the unknown `name` of a status tied to no recorder is reported ' +
        'undecided where it sits; a decided problem is the recorder\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html'],
  },
  check: ({ args, report, undecided }) => {
    const channels = resourcesOfType(args.resources, [DELIVERY_CHANNEL]);
    const statuses = resourcesOfType(args.resources, [RECORDER_STATUS]);
    const components = componentTree(args.resources);
    for (const recorder of resourcesOfType(args.resources, [RECORDER])) {
      const verdict: RecorderVerdict = { problems: [], open: [] };
      recordingGroupVerdict(recorder, verdict);
      deliveryChannelVerdict(recorder, channels, verdict);
      statusVerdict(recorder, statuses, components, verdict);
      // A decided problem is the recorder's verdict; otherwise every unknown that could add one is named where it sits.
      if (verdict.problems.length > 0) report(verdict.problems.join('\n'), recorder.urn);
      else for (const { holder, property } of verdict.open) undecided(property, `its value decides whether recorder ${recorder.name} records everything, delivers and runs`, holder.urn);
    }
  },
});
