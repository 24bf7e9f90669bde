/**
 * rds-not-public: RDS instances are not reachable from the internet. A publicly accessible instance gets a
 * public DNS name and address, so only its security groups stand between the database and every scanner.
 *
 * `publiclyAccessible` defaults to false, so only an explicit true violates. An unknown value (preview) is
 * reported undecided.
 */
import { boolValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const INSTANCE = 'aws:rds/instance:Instance';

export const rdsNotPublic = resourceRule({
  metadata: {
    id: 'rds-not-public',
    title: 'RDS instances are not publicly accessible',
    description:
      'RDS instances must not set `publiclyAccessible: true`. A public instance resolves to a public IP address ' +
      'and accepts connections from the internet wherever its security groups allow it, which exposes the ' +
      'database to credential stuffing and engine exploits.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: { fsbp: ['RDS.2'], cis: ['2.3.3'] },
    resourceTypes: [INSTANCE],
    remediation:
      'Remove `publiclyAccessible` from the `aws.rds.Instance` (or set it to false), place the instance in private ' +
      'subnets through `dbSubnetGroupName`, and reach it through a bastion, VPN, or RDS Proxy inside the VPC.',
    decisions: [
      '`publiclyAccessible` defaults to false, so only an explicit true violates. An unknown value (first preview) is ' +
        'reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== INSTANCE) return;
    const value = boolValue(rawProps(args.props)['publiclyAccessible']);
    if (value === true) {
      report('`publiclyAccessible` is true; remove it or set it to false and keep the instance in private subnets.');
    } else if (value === UNDECIDED) {
      undecided('publiclyAccessible', 'its value decides whether the database is reachable from the internet');
    }
  },
});
