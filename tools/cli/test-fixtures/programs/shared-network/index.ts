import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const vpc = aws.ec2.getVpcOutput({ tags: { Name: 'shared' } });
const allowedCidr = aws.ssm.getParameterOutput({ name: '/network/office-cidr' }).value;
const data = new pulumi.StackReference('acme/data/prod');

const group = new aws.ec2.SecurityGroup('app', {
  vpcId: vpc.id,
  ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: [allowedCidr] }],
  tags: { DataBucket: data.requireOutput('bucketName').apply(String) },
});

export const groupVpc = group.vpcId;
