import { type NamingContext, physicalName } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** What the workload security groups are built from. */
export interface WorkloadSecurityGroupsArgs {
  readonly naming: NamingContext;
  readonly vpcId: pulumi.Input<string>;
  readonly vpcCidr: string;
  /** Single hosts (`/32`, `/128`) allowed to reach the bastion over SSH; empty means no SSH at all. */
  readonly sshAllowedCidrs: readonly string[];
  /** TCP ports applications accept from inside the VPC. */
  readonly appPorts: readonly number[];
}

/** The bastion and application security groups. */
export interface WorkloadSecurityGroups {
  readonly bastion: aws.ec2.SecurityGroup;
  readonly app: aws.ec2.SecurityGroup;
}

const ANYWHERE_IPV4 = '0.0.0.0/0';
const HTTPS_PORT = 443;
const SSH_PORT = 22;

/** An SSH ingress block for one single host, in the property its address family needs. */
function sshFrom(cidr: string): aws.types.input.ec2.SecurityGroupIngress {
  const source = cidr.includes(':') ? { ipv6CidrBlocks: [cidr] } : { cidrBlocks: [cidr] };
  return { description: `SSH from ${cidr}`, protocol: 'tcp', fromPort: SSH_PORT, toPort: SSH_PORT, ...source };
}

/**
 * The security groups workloads use. The bastion accepts SSH only from the allowed single hosts and may only
 * open SSH into the VPC and HTTPS out (updates). Applications accept their ports from inside the VPC (load
 * balancers, other services) and SSH only from the bastion's group, never from an address; they reach HTTPS
 * anywhere (AWS APIs through the NAT gateway or the endpoints) and any TCP port inside the VPC (databases).
 */
export function createWorkloadSecurityGroups(args: WorkloadSecurityGroupsArgs, provider: aws.Provider): WorkloadSecurityGroups {
  const bastion = new aws.ec2.SecurityGroup(
    'bastion',
    {
      name: physicalName(args.naming, 'security-group', 'bastion'),
      description: 'Bastion host: SSH from the allowed single hosts only',
      vpcId: args.vpcId,
      revokeRulesOnDelete: true,
      ingress: args.sshAllowedCidrs.map(sshFrom),
      egress: [
        { description: 'SSH to hosts in the VPC', protocol: 'tcp', fromPort: SSH_PORT, toPort: SSH_PORT, cidrBlocks: [args.vpcCidr] },
        { description: 'HTTPS to AWS APIs and package mirrors', protocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, cidrBlocks: [ANYWHERE_IPV4] },
      ],
    },
    { provider },
  );
  const appIngress: aws.types.input.ec2.SecurityGroupIngress[] = args.appPorts.map((port) => ({
    description: `Application port ${port} from inside the VPC`,
    protocol: 'tcp',
    fromPort: port,
    toPort: port,
    cidrBlocks: [args.vpcCidr],
  }));
  if (args.sshAllowedCidrs.length > 0) {
    appIngress.push({ description: 'SSH from the bastion', protocol: 'tcp', fromPort: SSH_PORT, toPort: SSH_PORT, securityGroups: [bastion.id] });
  }
  const app = new aws.ec2.SecurityGroup(
    'app',
    {
      name: physicalName(args.naming, 'security-group', 'app'),
      description: 'Application workloads: app ports from the VPC, SSH from the bastion only',
      vpcId: args.vpcId,
      revokeRulesOnDelete: true,
      ingress: appIngress,
      egress: [
        { description: 'HTTPS to AWS APIs and dependencies', protocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, cidrBlocks: [ANYWHERE_IPV4] },
        { description: 'Databases and services inside the VPC', protocol: 'tcp', fromPort: 0, toPort: 65535, cidrBlocks: [args.vpcCidr] },
      ],
    },
    { provider },
  );
  return { bastion, app };
}
