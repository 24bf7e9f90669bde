import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { autoScalingKeyGrant, LeastPrivilegeRole, physicalName, type RoleStatement, standardTags } from '@bulwark/core';
import { type ComputeStackConfig } from './config';

/** The public SSM parameter AWS keeps pointing at the latest Amazon Linux 2023 AMI: no AMI id in code. */
export const AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** The root device of Amazon Linux 2023 AMIs. */
const ROOT_DEVICE = '/dev/xvda';

/** What the application instances are built from. */
export interface ApplicationInstancesArgs {
  readonly config: ComputeStackConfig;
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The network's application security group (the database admits it) and the instances' own group. */
  readonly securityGroupIds: readonly pulumi.Input<string>[];
  /** The stack's key, for the root volumes. */
  readonly kmsKeyId: pulumi.Input<string>;
  /** What the instances may read besides Session Manager. */
  readonly dataReadStatements: readonly RoleStatement[];
  /**
   * The ARN of the account's `AWSServiceRoleForAutoScaling`, from the baseline stack, which creates (or adopts) it:
   * a grant to a role that does not exist yet fails with InvalidArnException.
   */
  readonly autoScalingServiceLinkedRoleArn: pulumi.Input<string>;
  readonly partition: pulumi.Input<string>;
}

/** The auto scaling group and what it launches from. */
export interface ApplicationInstances {
  readonly role: LeastPrivilegeRole;
  readonly instanceProfile: aws.iam.InstanceProfile;
  readonly launchTemplate: aws.ec2.LaunchTemplate;
  readonly autoScalingGroup: aws.autoscaling.Group;
  readonly volumeKeyGrant: aws.kms.Grant;
}

/**
 * Private application instances: an auto scaling group across the private subnets launching the latest Amazon
 * Linux 2023 AMI (resolved from the public SSM parameter) with IMDSv2 required, no public IP, a root volume
 * encrypted with the stack's key, and an instance profile limited to Session Manager and reading one data prefix.
 */
export function createApplicationInstances(args: ApplicationInstancesArgs, opts: pulumi.CustomResourceOptions): ApplicationInstances {
  const { config } = args;
  const { settings } = config;

  const role = new LeastPrivilegeRole(
    'instance',
    {
      roleName: physicalName(config, 'iam-role', 'instance', { region: config.region }),
      description: 'application instances: Session Manager and read on one data prefix',
      assumedBy: { services: ['ec2.amazonaws.com'] },
      statements: args.dataReadStatements,
    },
    opts,
  );
  // The AWS managed policy tracks what the SSM agent needs; our own statements stay in the inline policy.
  new aws.iam.RolePolicyAttachment(
    'instance-ssm-core',
    { role: role.roleName, policyArn: pulumi.interpolate`arn:${args.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore` },
    opts,
  );
  const instanceProfile = new aws.iam.InstanceProfile(
    'instance',
    { name: physicalName(config, 'iam-instance-profile', 'instance', { region: config.region }), role: role.roleName },
    opts,
  );

  // Auto Scaling launches instances as its service-linked role, which must be able to use the volume key and hand
  // EC2 a grant for it. KmsKey policies never give CreateGrant to key users, so a grant does it. The role comes from
  // the baseline's outputs: it exists before this grant, whether or not the account ever used Auto Scaling.
  const volumeKeyGrant = autoScalingKeyGrant('autoscaling-volumes', { keyArn: args.kmsKeyId, serviceLinkedRoleArn: args.autoScalingServiceLinkedRoleArn }, opts);
  const imageId = aws.ssm.getParameterOutput({ name: AMI_PARAMETER }, opts).value;
  // Provider default tags stop at the launch template: instances and volumes get the standard tags from here.
  const launchedTags = { ...standardTags(config) };
  const launchTemplate = new aws.ec2.LaunchTemplate(
    'application',
    {
      name: physicalName(config, 'launch-template', 'application'),
      description: 'application instances: IMDSv2, private, encrypted root volume',
      imageId,
      instanceType: settings.instanceType,
      updateDefaultVersion: true,
      ebsOptimized: 'true',
      iamInstanceProfile: { arn: instanceProfile.arn },
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
      networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: 'false', deleteOnTermination: 'true', securityGroups: [...args.securityGroupIds] }],
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          ebs: { encrypted: 'true', kmsKeyId: args.kmsKeyId, volumeSize: settings.rootVolumeSizeGb, volumeType: 'gp3', deleteOnTermination: 'true' },
        },
      ],
      monitoring: { enabled: true },
      tagSpecifications: [
        { resourceType: 'instance', tags: launchedTags },
        { resourceType: 'volume', tags: launchedTags },
      ],
    },
    opts,
  );

  const autoScalingGroup = new aws.autoscaling.Group(
    'application',
    {
      name: physicalName(config, 'autoscaling-group', 'application'),
      vpcZoneIdentifiers: args.privateSubnetIds,
      minSize: settings.minSize,
      maxSize: settings.maxSize,
      desiredCapacity: settings.desiredCapacity,
      launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
      healthCheckType: 'EC2',
      healthCheckGracePeriod: 300,
      instanceRefresh: { strategy: 'Rolling', preferences: { minHealthyPercentage: 50 } },
      tags: Object.entries(launchedTags).map(([key, value]) => ({ key, value, propagateAtLaunch: false })),
    },
    { ...opts, dependsOn: [volumeKeyGrant] },
  );
  return { role, instanceProfile, launchTemplate, autoScalingGroup, volumeKeyGrant };
}
