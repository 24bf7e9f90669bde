import * as aws from '@pulumi/aws';

const ami = aws.ec2
  .getAmi({ filters: [{ name: 'name', values: ['al2023-ami-*-x86_64'] }], owners: ['amazon'], mostRecent: true })
  .then((image) => image.id);

const group = new aws.ec2.SecurityGroup('web-secgrp', {
  ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidrBlocks: ['0.0.0.0/0'] }],
});

const server = new aws.ec2.Instance('web-server-www', {
  tags: { Name: 'web-server-www' },
  instanceType: aws.ec2.InstanceType.T3_Micro,
  vpcSecurityGroupIds: [group.id],
  ami,
  userData: '#!/bin/bash\necho "Hello, World!" > index.html\nnohup python3 -m http.server 80 &',
});

export const publicIp = server.publicIp;
export const publicHostName = server.publicDns;
export const image = server.ami;
