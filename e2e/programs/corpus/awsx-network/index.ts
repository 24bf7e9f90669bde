// Shared networking on awsx, modelled on the awsx VPC examples: three zones, public and private subnets, a single
// NAT gateway to save cost, an S3 gateway endpoint, flow logs of all traffic into a log group encrypted with a
// customer managed key and kept a year, and a network ACL on the private subnets that admits SSH only from the
// administrator's address. One shortcut: the flow-log role may write to any log group (Resource "*").
import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const adminCidr = config.require('adminCidr');
const account = aws.getCallerIdentityOutput().accountId;
const region = aws.getRegionOutput().name;
const partition = aws.getPartitionOutput().partition;

const vpc = new awsx.ec2.Vpc('shared', {
  cidrBlock: '10.50.0.0/16',
  numberOfAvailabilityZones: 3,
  natGateways: { strategy: awsx.ec2.NatGatewayStrategy.Single },
  subnetStrategy: awsx.ec2.SubnetAllocationStrategy.Auto,
  subnetSpecs: [
    { type: awsx.ec2.SubnetType.Public, cidrMask: 24 },
    { type: awsx.ec2.SubnetType.Private, cidrMask: 20 },
  ],
  // awsx takes the service name as a plain string: the stack's region, from config.
  vpcEndpointSpecs: [{ serviceName: `com.amazonaws.${aws.config.requireRegion()}.s3`, vpcEndpointType: 'Gateway', autoAccept: true }],
});

// The log group's key lets CloudWatch Logs in this region use it for this account's log groups only.
const logKey = new aws.kms.Key('flow-logs', {
  description: 'Encrypts the VPC flow logs',
  enableKeyRotation: true,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudWatchLogsUses',
        Effect: 'Allow',
        Principal: { Service: pulumi.interpolate`logs.${region}.amazonaws.com` },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:*` } },
      },
    ],
  }),
});
const flowLogs = new aws.cloudwatch.LogGroup('shared-flow-logs', { retentionInDays: 365, kmsKeyId: logKey.arn });

const flowLogRole = new aws.iam.Role('shared-flow-logs', {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  }),
  inlinePolicies: [
    {
      name: 'deliver-flow-logs',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'], Resource: '*' }],
      }),
    },
  ],
});
new aws.ec2.FlowLog('shared', { vpcId: vpc.vpcId, trafficType: 'ALL', logDestination: flowLogs.arn, iamRoleArn: flowLogRole.arn, maxAggregationInterval: 60 });

const privateAcl = new aws.ec2.NetworkAcl('shared-private', {
  vpcId: vpc.vpcId,
  subnetIds: vpc.privateSubnetIds,
  ingress: [
    { ruleNo: 100, protocol: 'tcp', action: 'allow', cidrBlock: adminCidr, fromPort: 22, toPort: 22 },
    { ruleNo: 110, protocol: '-1', action: 'allow', cidrBlock: '10.50.0.0/16', fromPort: 0, toPort: 0 },
    { ruleNo: 120, protocol: 'tcp', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 32768, toPort: 65535 },
  ],
  egress: [{ ruleNo: 100, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 0, toPort: 0 }],
});

export const vpcId = vpc.vpcId;
export const privateSubnetIds = vpc.privateSubnetIds;
export const publicSubnetIds = vpc.publicSubnetIds;
export const privateAclId = privateAcl.id;
