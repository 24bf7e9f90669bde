// The awsx way to run a container, modelled on the hello-fargate and wordpress examples: an awsx VPC (two zones,
// public and private subnets, a NAT gateway each), an ECR repository and an image built from ./app, an application
// load balancer in the public subnets and a Fargate service in the private ones, reachable only from the load
// balancer's security group. Left as awsx makes them: the load balancer's default security group admits every port
// from anywhere, the VPC has no flow logs, and the task's log group keeps logs forever without a customer key.
import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';

const vpc = new awsx.ec2.Vpc('storefront', { numberOfAvailabilityZones: 2, cidrBlock: '10.40.0.0/16' });

const repository = new awsx.ecr.Repository('storefront', { forceDelete: true, imageScanningConfiguration: { scanOnPush: true } });
const image = new awsx.ecr.Image('storefront', { repositoryUrl: repository.url, context: './app', platform: 'linux/amd64' });

const alb = new awsx.lb.ApplicationLoadBalancer('storefront', {
  subnetIds: vpc.publicSubnetIds,
  defaultTargetGroup: { port: 80, protocol: 'HTTP', targetType: 'ip', healthCheck: { path: '/' } },
});

const serviceGroup = new aws.ec2.SecurityGroup('storefront-tasks', {
  vpcId: vpc.vpcId,
  description: 'HTTP from the load balancer only',
  egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
});
new aws.vpc.SecurityGroupIngressRule('storefront-tasks-from-alb', {
  securityGroupId: serviceGroup.id,
  referencedSecurityGroupId: alb.defaultSecurityGroup.apply((group) => group!.id),
  ipProtocol: 'tcp',
  fromPort: 80,
  toPort: 80,
});

const cluster = new aws.ecs.Cluster('storefront', { settings: [{ name: 'containerInsights', value: 'enabled' }] });

new awsx.ecs.FargateService('storefront', {
  cluster: cluster.arn,
  desiredCount: 2,
  networkConfiguration: { subnets: vpc.privateSubnetIds, securityGroups: [serviceGroup.id], assignPublicIp: false },
  taskDefinitionArgs: {
    container: {
      name: 'web',
      image: image.imageUri,
      cpu: 256,
      memory: 512,
      essential: true,
      portMappings: [{ containerPort: 80, targetGroup: alb.defaultTargetGroup }],
    },
  },
});

export const url = pulumi.interpolate`http://${alb.loadBalancer.dnsName}`;
