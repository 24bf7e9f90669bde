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
 * judged. Unknown values (preview) are decided in the update; a detector whose region cannot be told (unknown)
 * suspends the region coverage check rather than blaming a region it might cover.
 */
import type { PolicyResource } from '@pulumi/policy';
import { boolValue, describeValue, rawProps, resourceRegion, resourcesOfType, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

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

function checkDetector(detector: PolicyResource, wantedFrequency: string, report: (message: string, urn?: string) => void): void {
  const props = rawProps(detector.props);
  const problems: string[] = [];
  if (boolValue(props['enable']) === false) {
    problems.push('`enable` is false; remove it or set it to true so GuardDuty analyses the account');
  }
  const frequency = stringValue(props['findingPublishingFrequency']);
  if (frequency !== UNDECIDED && frequency !== wantedFrequency) {
    const shown = frequency === undefined ? 'not set (AWS default SIX_HOURS)' : describeValue(frequency);
    problems.push(`\`findingPublishingFrequency\` is ${shown}; set it to "${wantedFrequency}"`);
  }
  if (problems.length > 0) report(problems.join('\n'), detector.urn);
}

function checkFeature(feature: PolicyResource, allowed: readonly string[], report: (message: string, urn?: string) => void): void {
  const props = rawProps(feature.props);
  const status = stringValue(props['status']);
  if (typeof status !== 'string' || status.toUpperCase() !== 'DISABLED') return;
  const name = stringValue(props['name']);
  if (typeof name === 'string' && allowed.includes(name)) return;
  const shownName = typeof name === 'string' ? `"${name}"` : 'this feature';
  report(
    `\`status\` is "DISABLED" for GuardDuty feature ${shownName}; set \`status: "ENABLED"\` (or list the feature ` +
      'in the `allowedDisabledFeatures` config with a reason in a waiver)',
    feature.urn,
  );
}

function checkRegions(detectors: readonly PolicyResource[], regions: readonly string[], report: (message: string) => void): void {
  if (regions.length === 0) return;
  const covered = new Set<string>();
  for (const detector of detectors) {
    if (boolValue(rawProps(detector.props)['enable']) === false) continue;
    const region = resourceRegion(detector);
    // A detector in an undeterminable region could be the one for any missing region.
    if (region === UNDECIDED || region === undefined) return;
    covered.add(region);
  }
  const missing = regions.filter((region) => !covered.has(region));
  if (missing.length === 0) return;
  report(
    `no enabled \`aws.guardduty.Detector\` in ${missing.map((region) => `"${region}"`).join(', ')} ` +
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
  check: ({ args, config, report }) => {
    const wantedFrequency = typeof config.findingPublishingFrequency === 'string' ? config.findingPublishingFrequency : 'FIFTEEN_MINUTES';
    const detectors = resourcesOfType(args.resources, [DETECTOR]);
    for (const detector of detectors) checkDetector(detector, wantedFrequency, report);
    const allowed = stringList(config.allowedDisabledFeatures);
    for (const feature of resourcesOfType(args.resources, [DETECTOR_FEATURE])) checkFeature(feature, allowed, report);
    checkRegions(detectors, stringList(config.regions), report);
  },
});
