/**
 * Instances and launch-template network interfaces do not ask for a public IPv4 address
 * (`associatePublicIpAddress` true, or the string "true" that launch templates use). A public address puts the
 * instance directly on the internet, one security group mistake away from exposure; reach it through a load
 * balancer, NAT or Session Manager instead. Advisory by default: some edge workloads need public addresses.
 */
import { boolValue, listValue, rawProps, recordValue, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';

export const ec2NoPublicIp = resourceRule({
  metadata: {
    id: 'ec2-no-public-ip',
    title: 'EC2 instances have no public IP address',
    description:
      'Instances must not set `associatePublicIpAddress` true, and launch templates must not set it on any network ' +
      'interface. Instances with public addresses are directly reachable from the internet.',
    severity: 'medium',
    enforcementLevel: 'advisory',
    service: 'ec2',
    controls: { fsbp: ['EC2.9'] },
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE],
    remediation:
      'Remove `associatePublicIpAddress` (or set it false), launch into private subnets, and expose the workload ' +
      'through a load balancer or API gateway; use NAT for outbound traffic and Session Manager for administration.',
    decisions: [
      'Only an explicit true (or "true", as launch templates write it) asks for a public address; the subnet\'s ' +
        '`mapPublicIpOnLaunch` is not visible to a resource rule.',
      'Unknown values (first preview): an unknown `associatePublicIpAddress`, `networkInterfaces` list or entry is ' +
        'reported undecided; a decided public address is the resource\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9'],
  },
  check: ({ args, report, undecided }) => {
    const props = rawProps(args.props);
    const detail = 'its value decides whether instances get a public IPv4 address';
    if (args.type === INSTANCE) {
      const value = boolValue(props['associatePublicIpAddress']);
      if (value === true) {
        report('associatePublicIpAddress is true, which gives the instance a public IPv4 address. Remove it or set it to false.');
      } else if (value === UNDECIDED) undecided('associatePublicIpAddress', detail);
      return;
    }
    if (args.type !== LAUNCH_TEMPLATE) return;
    const interfaces = listValue(props['networkInterfaces']);
    if (interfaces === UNDECIDED) {
      undecided('networkInterfaces', detail);
      return;
    }
    const parts: string[] = [];
    let violations = 0;
    interfaces.forEach((networkInterface, index) => {
      const settings = recordValue(networkInterface);
      if (settings === UNDECIDED) parts.push(`networkInterfaces[${index}]`);
      if (!settings || settings === UNDECIDED) return;
      const value = boolValue(settings['associatePublicIpAddress']);
      if (value === UNDECIDED) parts.push(`networkInterfaces[${index}].associatePublicIpAddress`);
      if (value === true) {
        violations++;
        report(
          `networkInterfaces[${index}].associatePublicIpAddress is ${JSON.stringify(settings['associatePublicIpAddress'])}, ` +
            'which gives every instance launched from the template a public IPv4 address. Remove it or set it to "false".',
        );
      }
    });
    if (violations === 0) for (const part of parts) undecided(part, detail);
  },
});
