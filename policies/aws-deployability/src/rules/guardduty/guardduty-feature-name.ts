/**
 * GuardDuty detector features and their additional configurations take names from a fixed set (the
 * DetectorFeatureConfiguration API reference); any other name fails the UpdateDetector call. The set comes from the
 * @pulumi/aws documentation of `aws.guardduty.DetectorFeature` (generated into `src/data/provider-values.ts`).
 */
import { listValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { GUARDDUTY_ADDITIONAL_CONFIGURATIONS, GUARDDUTY_FEATURES } from '../../data/provider-values';
import { AWS_DOCS } from '../../lib/references';

const FEATURE = 'aws:guardduty/detectorFeature:DetectorFeature';

export const guarddutyFeatureName = resourceRule({
  metadata: {
    id: 'guardduty-feature-name',
    title: 'GuardDuty detector features use names GuardDuty accepts',
    description:
      'A DetectorFeature `name` and its `additionalConfigurations[].name` must be feature names GuardDuty knows ' +
      '(S3_DATA_EVENTS, RUNTIME_MONITORING...); any other name fails the deploy.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'guardduty',
    controls: {},
    resourceTypes: [FEATURE],
    remediation: `Use one of ${[...GUARDDUTY_FEATURES].join(', ')}; additional configurations: ${[...GUARDDUTY_ADDITIONAL_CONFIGURATIONS].join(', ')}.`,
    references: [AWS_DOCS.guardDutyFeatures],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== FEATURE) return;
    const props = rawProps(args.props);
    const name = stringValue(props['name']);
    if (name === UNDECIDED) undecided('name', 'an unknown feature name fails the deploy');
    else if (name !== undefined && !GUARDDUTY_FEATURES.has(name)) {
      report(`DetectorFeature ${args.name}: "${name}" is not a GuardDuty feature (${[...GUARDDUTY_FEATURES].join(', ')}).`);
    }
    const additional = listValue(props['additionalConfigurations']);
    if (additional === UNDECIDED) {
      undecided('additionalConfigurations', 'an unknown additional configuration name fails the deploy');
      return;
    }
    additional.forEach((entry, index) => {
      const value = stringValue((entry as Record<string, unknown> | undefined)?.['name']);
      if (value === UNDECIDED) undecided(`additionalConfigurations[${index}].name`);
      else if (value !== undefined && !GUARDDUTY_ADDITIONAL_CONFIGURATIONS.has(value)) {
        report(`DetectorFeature ${args.name}: additional configuration "${value}" is not one GuardDuty accepts (${[...GUARDDUTY_ADDITIONAL_CONFIGURATIONS].join(', ')}).`);
      }
    });
  },
});
