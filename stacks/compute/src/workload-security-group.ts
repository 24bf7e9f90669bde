import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type ComputeStackConfig } from './config';

/** PostgreSQL's port, for egress to the data stack's database inside the VPC. */
const POSTGRES_PORT = 5432;

/**
 * A workload's own security group: no ingress at all (administration goes through Session Manager, and nothing
 * calls the workloads directly), egress only to HTTPS anywhere (AWS APIs, package mirrors) and to PostgreSQL
 * inside the VPC.
 */
export function createWorkloadSecurityGroup(
  name: string,
  config: ComputeStackConfig,
  network: { readonly vpcId: pulumi.Input<string>; readonly vpcCidr: pulumi.Input<string> },
  opts: pulumi.CustomResourceOptions,
): aws.ec2.SecurityGroup {
  return new aws.ec2.SecurityGroup(
    name,
    {
      name: physicalName(config, 'security-group', name),
      description: `${name}: no ingress; egress HTTPS and PostgreSQL in the VPC`,
      vpcId: network.vpcId,
      ingress: [],
      egress: [
        { description: 'HTTPS to AWS APIs', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] },
        { description: 'PostgreSQL in the VPC', protocol: 'tcp', fromPort: POSTGRES_PORT, toPort: POSTGRES_PORT, cidrBlocks: [network.vpcCidr] },
      ],
    },
    opts,
  );
}
