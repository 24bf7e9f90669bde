/**
 * No security group admits the whole internet (`0.0.0.0/0`, `::/0`, in any spelling) on a port range that covers
 * one of the high-risk ports of Security Hub control EC2.19 (databases, file transfer, mail, Windows RPC/SMB,
 * search clusters and dashboards), over TCP, UDP or all protocols. SSH and RDP are `sg-no-public-admin-ingress`'s.
 * Inline `ingress` blocks, `SecurityGroupRule` (type ingress) and `vpc.SecurityGroupIngressRule` are all checked,
 * as the administration rule checks them: the union of the blocks reaching a port, across a group's permissions and
 * standalone rule resources, and undecided findings for the unknown values that could open a port.
 */
import { stackRule } from '@bulwark/policy-kit';
import { describePorts, HIGH_RISK_PORTS, type Transport } from '../../lib/network';
import { checkIngressExposure } from './ingress-exposure-check';
import { SECURITY_GROUP_INGRESS_TYPES, SECURITY_GROUP_SHAPE, securityGroupPermissions } from './ingress-permissions';
import { INTERNET_EXPOSURE_DECISIONS, INTERNET_EXPOSURE_REFERENCES } from './internet-exposure-decisions';

/** The transports a high-risk service may listen on (SQL Server browser, for one, is UDP 1434). */
const HIGH_RISK_TRANSPORTS: readonly Transport[] = ['tcp', 'udp'];

export interface SgNoPublicHighRiskPortsConfig {
  /** The ports no security group may open to the internet. */
  readonly ports: number[];
}

export const sgNoPublicHighRiskPorts = stackRule<SgNoPublicHighRiskPortsConfig>({
  metadata: {
    id: 'sg-no-public-high-risk-ports',
    title: 'Security groups do not open high-risk ports to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0 (or from blocks that together cover the internet) must not cover a high-risk port (by default the list of ' +
      'Security Hub control EC2.19 without SSH and RDP: 20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, ' +
      '4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300), whether by an exact port, a port range or the ' +
      'all-traffic protocol. Databases, file shares, mail relays and search clusters reachable from the internet are ' +
      'found by scanners within minutes and are a leading cause of data breaches.',
    decisions: [...INTERNET_EXPOSURE_DECISIONS],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.19'] },
    resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
    remediation:
      'Remove the 0.0.0.0/0 / ::/0 source from the ingress permission, or narrow its port range so it excludes the ' +
      'high-risk ports. Admit clients from the security group of the tier that calls the service (an application ' +
      'security group for a database), a VPC CIDR, or a VPN/private link range.',
    references: [...INTERNET_EXPOSURE_REFERENCES, 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19'],
  },
  configSchema: {
    properties: {
      ports: {
        type: 'array',
        items: { type: 'integer', minimum: 0, maximum: 65535 },
        description: 'The ports no security group may open to 0.0.0.0/0 or ::/0 (TCP or UDP).',
        default: [...HIGH_RISK_PORTS],
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    const ports = Array.isArray(config.ports) ? config.ports.filter((port) => Number.isInteger(port)) : [...HIGH_RISK_PORTS];
    checkIngressExposure(
      args.resources,
      {
        shape: SECURITY_GROUP_SHAPE,
        permissionsOf: securityGroupPermissions,
        ports,
        transports: HIGH_RISK_TRANSPORTS,
        message: (description, exposure) =>
          `${description}, which covers high-risk port${exposure.ports.length > 1 ? 's' : ''} ${describePorts(exposure.ports)}. ` +
          'Admit only the security group or private range of the clients that need the service, or narrow the port range.',
        decides: 'its value decides whether a high-risk port is open to the internet',
      },
      report,
      undecided,
    );
  },
});
