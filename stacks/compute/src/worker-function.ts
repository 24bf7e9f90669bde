import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { EncryptedLogGroup, LeastPrivilegeRole, physicalName, type RoleStatement } from '@bulwark/core';
import { type ComputeStackConfig } from './config';

/** The worker's code: lists the objects under its data prefix, proving the VPC, role and key wiring end to end. */
const WORKER_SOURCE = `import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: process.env.DATA_BUCKET, Prefix: process.env.DATA_PREFIX, MaxKeys: 10 }));
  return { objects: (listed.Contents ?? []).map((object) => object.Key) };
};
`;

/** What the worker function is built from. */
export interface WorkerFunctionArgs {
  readonly config: ComputeStackConfig;
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly securityGroupIds: readonly pulumi.Input<string>[];
  /** The stack's key: environment variables and the log group. */
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly dataBucketName: pulumi.Input<string>;
  readonly dataPrefix: string;
  readonly dataReadStatements: readonly RoleStatement[];
  readonly accountId: pulumi.Input<string>;
  readonly partition: pulumi.Input<string>;
  readonly region: string;
}

/** The function and what it runs with. */
export interface WorkerFunction {
  readonly function: aws.lambda.Function;
  readonly role: LeastPrivilegeRole;
  readonly logGroup: EncryptedLogGroup;
}

/**
 * A Lambda function in the VPC's private subnets: environment variables encrypted with the stack's key, an
 * encrypted log group with bounded retention created before the function (so Lambda never creates an
 * unencrypted one), a supported Node.js runtime, reserved concurrency when configured, and a role allowed exactly
 * its logs, its network interfaces and reading one data prefix.
 */
export function createWorkerFunction(args: WorkerFunctionArgs, opts: pulumi.CustomResourceOptions): WorkerFunction {
  const { config } = args;
  const functionName = physicalName(config, 'lambda-function', 'worker');
  const logGroup = new EncryptedLogGroup(
    'worker',
    { kmsKeyArn: args.kmsKeyArn, retentionInDays: config.logRetentionDays, logGroupName: `/aws/lambda/${functionName}` },
    opts,
  );
  const ec2Arn = (resource: string) => pulumi.interpolate`arn:${args.partition}:ec2:${args.region}:${args.accountId}:${resource}`;
  const role = new LeastPrivilegeRole(
    'worker',
    {
      roleName: physicalName(config, 'iam-role', 'worker', { region: config.region }),
      description: 'worker function: its logs, its VPC network interfaces, read on one data prefix',
      assumedBy: { services: ['lambda.amazonaws.com'], conditions: { StringEquals: { 'aws:SourceAccount': args.accountId } } },
      statements: [
        { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [pulumi.interpolate`${logGroup.arn}:*`] },
        {
          sid: 'CreateVpcNetworkInterfaces',
          actions: ['ec2:CreateNetworkInterface'],
          resources: [ec2Arn('network-interface/*'), ec2Arn('subnet/*'), ec2Arn('security-group/*')],
        },
        {
          sid: 'ManageVpcNetworkInterfaces',
          actions: ['ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
          resources: [ec2Arn('network-interface/*')],
        },
        // These describe calls accept no resource ARNs.
        { sid: 'DescribeVpcNetworking', actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], resources: ['*'] },
        ...args.dataReadStatements,
      ],
    },
    opts,
  );
  const workerFunction = new aws.lambda.Function(
    'worker',
    {
      name: functionName,
      description: 'reads the data prefix it is given',
      role: role.arn,
      // A Node.js runtime Lambda has not deprecated (compute:lambdaRuntime, checked in config.ts).
      runtime: config.settings.lambdaRuntime,
      architectures: ['x86_64'],
      handler: 'index.handler',
      code: new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset(WORKER_SOURCE) }),
      memorySize: config.settings.lambdaMemoryMb,
      timeout: config.settings.lambdaTimeoutSeconds,
      // Only when configured: reserving concurrency must leave 100 of the account's quota unreserved, which a new
      // account (quota 10) cannot (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
      reservedConcurrentExecutions: config.settings.lambdaReservedConcurrency,
      vpcConfig: { subnetIds: args.privateSubnetIds, securityGroupIds: [...args.securityGroupIds] },
      environment: { variables: { DATA_BUCKET: args.dataBucketName, DATA_PREFIX: args.dataPrefix } },
      kmsKeyArn: args.kmsKeyArn,
      loggingConfig: { logFormat: 'JSON', logGroup: logGroup.logGroupName },
    },
    { ...opts, dependsOn: [logGroup, role] },
  );
  return { function: workerFunction, role, logGroup };
}
