/**
 * guardduty-enabled: GuardDuty runs, reports promptly and covers every region the organisation uses. A disabled
 * detector, a detector that batches findings for six hours (the AWS default), or a region without a detector
 * leaves an attacker hours, or forever, before anyone is told.
 *
 * A stack rule, because region coverage is a property of the set of detectors. A detector's region is its
 * `region` input (v7 per-resource region), else its provider's `region`. With the default `regions` config (`[]`)
 * only the detectors present are checked: presence of a detector in the account is `account-baseline-complete`'s
 * job, so a stack without detectors is not in scope. With `regions` set, each listed region needs an enabled
 * detector. A `DetectorFeature` with `status: "DISABLED"` switches a protection plan off and is a finding, unless
 * its `name` is listed in `allowedDisabledFeatures`; its `additionalConfigurations` (agent management) are not
 * judged. Unknown values (preview) are reported undecided where they could change the verdict.
 */
import type { PolicyResource } from '@pulumi/policy';
import { boolValue, describeValue, rawProps, resourceRegion, resourcesOfType, stackRule, stringValue, UNDECIDED, type Report, type ReportUndecided } from '@bulwark/policy-kit';

const DETECTOR = 'aws:guardduty/detector:Detector';
const DETECTOR_FEATURE = 'aws:guardduty/detectorFeature:DetectorFeature';

export interface GuarddutyEnabledConfig {
  readonly findingPublishingFrequency: string;
  readonly regions: readonly string[];
  readonly allowedDisabledFeatures: readonly string[];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function checkDetector(detector: PolicyResource, wantedFrequency: string, report: Report, undecided: ReportUndecided): void {
  const props = rawProps(detector.props);
  const problems: string[] = [];
  const parts: string[] = [];
  const enable = boolValue(props['enable']);
  if (enable === false) {
    problems.push('`enable` is false; remove it or set it to true so GuardDuty analyses the account');
  } else if (enable === UNDECIDED) parts.push('enable');
  const frequency = stringValue(props['findingPublishingFrequency']);
  if (frequency === UNDECIDED) parts.push('findingPublishingFrequency');
  else if (frequency !== wantedFrequency) {
    const shown = frequency === undefined ? 'not set (AWS default SIX_HOURS)' : describeValue(frequency);
    problems.push(`\`findingPublishingFrequency\` is ${shown}; set it to "${wantedFrequency}"`);
  }
  if (problems.length > 0) report(problems.join('\n'), detector.urn);
  else for (const part of parts) undecided(part, 'its value decides whether the detector runs and reports promptly', detector.urn);
}

function checkFeature(feature: PolicyResource, allowed: readonly string[], report: Report, undecided: ReportUndecided): void {
  const props = rawProps(feature.props);
  const status = stringValue(props['status']);
  const name = stringValue(props['name']);
  const nameAllowed = typeof name === 'string' && allowed.includes(name);
  const detail = 'its value decides whether a GuardDuty protection plan is switched off';
  if (status === UNDECIDED) {
    if (!nameAllowed) undecided('status', detail, feature.urn);
    return;
  }
  if (typeof status !== 'string' || status.toUpperCase() !== 'DISABLED') return;
  if (nameAllowed) return;
  if (name === UNDECIDED && allowed.length > 0) {
    undecided('name', detail, feature.urn);
    return;
  }
  const shownName = typeof name === 'string' ? `"${name}"` : 'this feature';
  report(
    `\`status\` is "DISABLED" for GuardDuty feature ${shownName}; set \`status: "ENABLED"\` (or list the feature ` +
      'in the `allowedDisabledFeatures` config with a reason in a waiver)',
    feature.urn,
  );
}

function checkRegions(detectors: readonly PolicyResource[], regions: readonly string[], report: Report, undecided: ReportUndecided): void {
  if (regions.length === 0) return;
  const covered = new Set<string>();
  // Detectors that may cover a missing region once a value is known: the unknown (or unstated) property of each.
  const open: { detector: PolicyResource; property: string; unstated?: true }[] = [];
  for (const detector of detectors) {
    const enable = boolValue(rawProps(detector.props)['enable']);
    if (enable === false) continue;
    const region = resourceRegion(detector);
    // A detector whose region no input or provider states may run in any region: open, like an unknown region,
    // so it can leave at most one missing region undecided and never hides the others.
    if (region === undefined) open.push({ detector, property: 'region', unstated: true });
    else if (region === UNDECIDED) open.push({ detector, property: 'region' });
    else if (enable === UNDECIDED) {
      if (regions.includes(region)) open.push({ detector, property: 'enable' });
    } else covered.add(region);
  }
  const missing = regions.filter((region) => !covered.has(region));
  if (missing.length === 0) return;
  // Each open detector covers at most one region: more missing regions than open detectors is a decided gap.
  if (open.length > 0 && missing.length <= open.length) {
    const which = missing.map((region) => `"${region}"`).join(', ');
    for (const { detector, property, unstated } of open) {
      const detail = unstated
        ? `neither its \`region\` input nor its provider states a region, and its region decides whether ${which} has an ` +
          'enabled detector; set `region` (or pass a provider for that region)'
        : `its value decides whether ${which} has an enabled detector`;
      undecided(property, detail, detector.urn);
    }
    return;
  }
  const some = open.length > 0 ? `at least ${missing.length - open.length} of ` : '';
  report(
    `no enabled \`aws.guardduty.Detector\` in ${some}${missing.map((region) => `"${region}"`).join(', ')} ` +
      `(regions required by the \`regions\` config: ${regions.join(', ')}); add a detector per region, with its ` +
      '`region` input or a provider for that region',
  );
}

export const guarddutyEnabled = stackRule<GuarddutyEnabledConfig>({
  metadata: {
    id: 'guardduty-enabled',
    title: 'GuardDuty is enabled in every region and publishes findings every 15 minutes',
    description:
      'Every GuardDuty detector must be enabled and publish findings every 15 minutes (configurable), no ' +
      'detector feature (protection plan) may be disabled, and the detectors must cover every region listed in ' +
      'the `regions` config. A region without GuardDuty, or findings batched for hours, gives an attacker time ' +
      'to act unseen.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'guardduty',
    controls: { fsbp: ['GuardDuty.1'] },
    resourceTypes: [DETECTOR, DETECTOR_FEATURE],
    remediation:
      'Create an `aws.guardduty.Detector` with `enable: true` and `findingPublishingFrequency: "FIFTEEN_MINUTES"` ' +
      'in every region of the organisation (set its `region` input, or pass a provider for that region); remove ' +
      '`aws.guardduty.DetectorFeature` resources with `status: "DISABLED"` or set them to `"ENABLED"`.',
    decisions: [
      'A detector\'s region is its `region` input, else its provider\'s. With the default `regions` config (empty) only ' +
        'the detectors present are judged; presence is account-baseline-complete\'s. A DetectorFeature with status ' +
        'DISABLED violates unless its name is in `allowedDisabledFeatures`.',
      'Unknown values (first preview): an unknown `enable` or publishing frequency, a feature\'s unknown status (or name, ' +
        'when some features are allowed off) is reported undecided. For region coverage, a detector of unknown region (or ' +
        'unknown `enable`) may cover one missing region: when missing regions outnumber such detectors the gap is decided ' +
        'and reported, otherwise each such detector is reported undecided. A detector whose region nothing states (no ' +
        '`region` input, no provider region) counts the same way: it may cover any one missing region.',
    ],
    references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_cloudwatch.html#guardduty_findings_cloudwatch_notification_frequency'],
  },
  configSchema: {
    properties: {
      findingPublishingFrequency: {
        type: 'string',
        enum: ['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS'],
        description: 'The finding publishing frequency every detector must use.',
        default: 'FIFTEEN_MINUTES',
      },
      regions: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Regions that must each have an enabled detector in the stack. Empty: no region coverage check (only the ' +
          'detectors present are checked).',
        default: [],
      },
      allowedDisabledFeatures: {
        type: 'array',
        items: { type: 'string' },
        description: 'GuardDuty feature names (e.g. "RUNTIME_MONITORING") that a DetectorFeature may set to DISABLED.',
        default: [],
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    const wantedFrequency = typeof config.findingPublishingFrequency === 'string' ? config.findingPublishingFrequency : 'FIFTEEN_MINUTES';
    const detectors = resourcesOfType(args.resources, [DETECTOR]);
    for (const detector of detectors) checkDetector(detector, wantedFrequency, report, undecided);
    const allowed = stringList(config.allowedDisabledFeatures);
    for (const feature of resourcesOfType(args.resources, [DETECTOR_FEATURE])) checkFeature(feature, allowed, report, undecided);
    checkRegions(detectors, stringList(config.regions), report, undecided);
  },
});
