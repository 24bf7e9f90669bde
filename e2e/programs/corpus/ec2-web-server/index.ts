// The classic first program: a VPC, one public subnet with a route to an internet gateway, a security group open
// to the world on 80 and (for the administrator's convenience) on 22, and an instance from the latest Amazon Linux
// 2023 image (aws.ec2.getAmi) serving a page from user data. Tagged by hand, consistently. Insecure choices: SSH from
// anywhere, IMDSv1 left on, an unencrypted root volume, a public IP, and no flow logs on the VPC.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const instanceType = config.get('instanceType') ?? 't3.micro';
const tags = { Environment: pulumi.getStack(), Owner: 'platform', Project: 'web-server' };

const ami = aws.ec2.getAmiOutput({
  owners: ['amazon'],
  mostRecent: true,
  filters: [
    { name: 'name', values: ['al2023-ami-2023.*-x86_64'] },
    { name: 'virtualization-type', values: ['hvm'] },
  ],
});

const vpc = new aws.ec2.Vpc('web', { cidrBlock: '10.20.0.0/16', enableDnsHostnames: true, tags: { ...tags, Name: 'web' } });
const gateway = new aws.ec2.InternetGateway('web', { vpcId: vpc.id, tags });
const subnet = new aws.ec2.Subnet('web-public', {
  vpcId: vpc.id,
  cidrBlock: '10.20.1.0/24',
  availabilityZone: 'us-east-2a',
  mapPublicIpOnLaunch: true,
  tags,
});
const routes = new aws.ec2.RouteTable('web-public', { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }], tags });
new aws.ec2.RouteTableAssociation('web-public', { subnetId: subnet.id, routeTableId: routes.id });

const group = new aws.ec2.SecurityGroup('web', {
  vpcId: vpc.id,
  description: 'HTTP and SSH',
  ingress: [
    { description: 'HTTP', protocol: 'tcp', fromPort: 80, toPort: 80, cidrBlocks: ['0.0.0.0/0'] },
    { description: 'SSH', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] },
  ],
  egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
  tags,
});

const server = new aws.ec2.Instance('web', {
  ami: ami.id,
  instanceType,
  subnetId: subnet.id,
  vpcSecurityGroupIds: [group.id],
  associatePublicIpAddress: true,
  userData: ['#!/bin/bash', 'dnf install -y nginx', 'systemctl enable --now nginx'].join('\n'),
  rootBlockDevice: { volumeSize: 8, volumeType: 'gp3' },
  tags: { ...tags, Name: 'web' },
});

export const publicIp = server.publicIp;
export const url = pulumi.interpolate`http://${server.publicDns}`;
