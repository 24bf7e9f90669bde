/**
 * Instances and launch templates require IMDSv2: `metadataOptions.httpTokens` = `required`. IMDSv1 answers any
 * plain GET, so a server-side request forgery in the workload hands out the instance role's credentials;
 * IMDSv2's session tokens block that. Absent `metadataOptions` (or `httpTokens`) violates: the default depends
 * on the AMI and may be `optional`. An instance launched from a template must still state it, because a resource
 * rule cannot see the template and the instance's own setting wins.
 */
import { blockValue, describeValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';

export const ec2Imdsv2Required = resourceRule({
  metadata: {
    id: 'ec2-imdsv2-required',
    title: 'EC2 instances require IMDSv2',
    description:
      'Instances and launch templates must set `metadataOptions.httpTokens` to `required`, so the instance ' +
      'metadata service only answers session-token (IMDSv2) requests and SSRF bugs cannot read role credentials.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.8'] },
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE],
    remediation:
      'Add `metadataOptions: { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 }` to ' +
      'the instance or launch template (hop limit 2 for containers that need the metadata service).',
    decisions: [
      'An absent `metadataOptions` or `httpTokens` violates: the default depends on the AMI and may be `optional`. An ' +
        'instance launched from a template must still state it, since the instance\'s own setting wins and a resource rule ' +
        'cannot see the template.',
      'Unknown values (first preview): an unknown `metadataOptions` block or `httpTokens` is reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== INSTANCE && args.type !== LAUNCH_TEMPLATE) return;
    const options = blockValue(rawProps(args.props)['metadataOptions']);
    const detail = 'its value decides whether the metadata service requires session tokens (IMDSv2)';
    if (options === UNDECIDED) {
      undecided('metadataOptions', detail);
      return;
    }
    if (options === undefined) {
      report('metadataOptions is not set, so IMDSv1 may stay enabled. Set metadataOptions.httpTokens to "required".');
      return;
    }
    const tokens = stringValue(options['httpTokens']);
    if (tokens === UNDECIDED) undecided('metadataOptions.httpTokens', detail);
    if (tokens === UNDECIDED || tokens === 'required') return;
    report(`metadataOptions.httpTokens is ${describeValue(options['httpTokens'])}, which allows IMDSv1. Set metadataOptions.httpTokens to "required".`);
  },
});
