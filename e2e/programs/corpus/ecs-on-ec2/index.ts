// A container service without EKS, modelled on the ECS examples: a private ECR repository scanned on push, an ECS
// cluster whose capacity is an Auto Scaling group of ECS-optimized instances (launch template with IMDSv2 required
// and EBS encrypted with a customer managed key), a task definition logging to an encrypted log group kept 90 days,
// and a service. The VPC has flow logs to S3. Slips: the instances get public IPs, and the security group opens the
// service's port 8080 to the whole internet instead of to a load balancer, and the storage key keeps its default
// policy, which neither CloudWatch Logs nor the Auto Scaling service-linked role can use.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const vpcCidr = config.require('vpcCidr');
const region = aws.getRegionOutput().name;
const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

const vpc = new aws.ec2.Vpc('catalog', { cidrBlock: vpcCidr, enableDnsHostnames: true });
const flowLogBucketArn = pulumi.interpolate`arn:${partition}:s3:::central-flow-logs-${account}`;
new aws.ec2.FlowLog('catalog', { vpcId: vpc.id, trafficType: 'ALL', logDestinationType: 's3', logDestination: flowLogBucketArn });
const gateway = new aws.ec2.InternetGateway('catalog', { vpcId: vpc.id });
const routes = new aws.ec2.RouteTable('catalog', { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }] });
const subnets = ['a', 'b'].map((zone, index) => {
  const subnet = new aws.ec2.Subnet(`catalog-${zone}`, { vpcId: vpc.id, cidrBlock: `10.60.${index}.0/24`, availabilityZone: pulumi.interpolate`${region}${zone}` });
  new aws.ec2.RouteTableAssociation(`catalog-${zone}`, { subnetId: subnet.id, routeTableId: routes.id });
  return subnet;
});

const repository = new aws.ecr.Repository('catalog', {
  imageScanningConfiguration: { scanOnPush: true },
  imageTagMutability: 'IMMUTABLE',
  encryptionConfigurations: [{ encryptionType: 'KMS' }],
});

const instances = new aws.ec2.SecurityGroup('catalog-instances', {
  vpcId: vpc.id,
  description: 'Catalog service instances',
  ingress: [{ description: 'Service port', protocol: 'tcp', fromPort: 8080, toPort: 8080, cidrBlocks: ['0.0.0.0/0'] }],
  egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
});

const instanceRole = new aws.iam.Role('catalog-instances', { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'ec2.amazonaws.com' }) });
new aws.iam.RolePolicyAttachment('catalog-instances-ecs', {
  role: instanceRole.name,
  policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role`,
});
const instanceProfile = new aws.iam.InstanceProfile('catalog-instances', { role: instanceRole.name });

const storageKey = new aws.kms.Key('catalog-storage', { description: 'Encrypts the catalog instances volumes and logs', enableKeyRotation: true });
const ecsAmi = aws.ssm.getParameterOutput({ name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id' });

const cluster = new aws.ecs.Cluster('catalog');
const launchTemplate = new aws.ec2.LaunchTemplate('catalog', {
  imageId: ecsAmi.value,
  instanceType: 't3.medium',
  iamInstanceProfile: { arn: instanceProfile.arn },
  metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 2 },
  blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 30, volumeType: 'gp3', encrypted: 'true', kmsKeyId: storageKey.arn } }],
  networkInterfaces: [{ associatePublicIpAddress: 'true', securityGroups: [instances.id] }],
  userData: cluster.name.apply((name) => Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${name} >> /etc/ecs/ecs.config\n`).toString('base64')),
});
const group = new aws.autoscaling.Group('catalog', {
  vpcZoneIdentifiers: subnets.map((subnet) => subnet.id),
  minSize: 1,
  maxSize: 4,
  launchTemplate: { id: launchTemplate.id, version: '$Latest' },
  protectFromScaleIn: true,
  tags: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true }],
});
const capacity = new aws.ecs.CapacityProvider('catalog', {
  autoScalingGroupProvider: { autoScalingGroupArn: group.arn, managedTerminationProtection: 'ENABLED', managedScaling: { status: 'ENABLED', targetCapacity: 80 } },
});
new aws.ecs.ClusterCapacityProviders('catalog', { clusterName: cluster.name, capacityProviders: [capacity.name] });

const logGroup = new aws.cloudwatch.LogGroup('catalog', { retentionInDays: 90, kmsKeyId: storageKey.arn });
const task = new aws.ecs.TaskDefinition('catalog', {
  family: 'catalog',
  requiresCompatibilities: ['EC2'],
  networkMode: 'bridge',
  containerDefinitions: pulumi.jsonStringify([
    {
      name: 'catalog',
      image: pulumi.interpolate`${repository.repositoryUrl}:1.4.2`,
      memory: 512,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080 }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroup.name, 'awslogs-region': region, 'awslogs-stream-prefix': 'catalog' } },
    },
  ]),
});
new aws.ecs.Service('catalog', {
  cluster: cluster.arn,
  taskDefinition: task.arn,
  desiredCount: 2,
  capacityProviderStrategies: [{ capacityProvider: capacity.name, weight: 1 }],
});

export const repositoryUrl = repository.repositoryUrl;
