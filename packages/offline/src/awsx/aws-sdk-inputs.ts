/**
 * What `new aws.<module>.<Type>(name, args)` in the AWS SDK does with `args` before it registers: it copies only
 * the input properties the type declares (anything else in `args` is dropped, which is why awsx can spread its own
 * arguments into an AWS resource) and fills in the defaults the SDK itself declares. The awsx provider builds its
 * children with the AWS SDK, so a model's child inputs go through the same table.
 *
 * Taken from the installed `@pulumi/aws` (7.48; the awsx provider is built with 7.43, see `version.ts`): the
 * spec beside this file checks every entry against the installed SDK's constructors.
 */
import { type WireValue } from '../types';

/** The input properties a resource type declares, and the defaults its SDK constructor fills in. */
export interface AwsSdkInputs {
  readonly keys: readonly string[];
  readonly defaults: Readonly<Record<string, WireValue>>;
}

function declare(keys: readonly string[], defaults: Readonly<Record<string, WireValue>> = {}): AwsSdkInputs {
  return { keys, defaults };
}

/** The AWS resource types the awsx models register, by type token. */
export const AWS_SDK_INPUTS: Readonly<Record<string, AwsSdkInputs>> = {
  'aws:ec2/vpc:Vpc': declare(
    [
      'assignGeneratedIpv6CidrBlock', 'cidrBlock', 'enableDnsHostnames', 'enableDnsSupport',
      'enableNetworkAddressUsageMetrics', 'instanceTenancy', 'ipv4IpamPoolId', 'ipv4NetmaskLength',
      'ipv6CidrBlock', 'ipv6CidrBlockNetworkBorderGroup', 'ipv6IpamPoolId', 'ipv6NetmaskLength', 'region',
      'tags',
    ],
  ),
  'aws:ec2/subnet:Subnet': declare(
    [
      'assignIpv6AddressOnCreation', 'availabilityZone', 'availabilityZoneId', 'cidrBlock',
      'customerOwnedIpv4Pool', 'enableDns64', 'enableLniAtDeviceIndex',
      'enableResourceNameDnsARecordOnLaunch', 'enableResourceNameDnsAaaaRecordOnLaunch', 'ipv4IpamPoolId',
      'ipv4NetmaskLength', 'ipv6CidrBlock', 'ipv6IpamPoolId', 'ipv6Native', 'ipv6NetmaskLength',
      'mapCustomerOwnedIpOnLaunch', 'mapPublicIpOnLaunch', 'outpostArn', 'privateDnsHostnameTypeOnLaunch',
      'region', 'tags', 'vpcId',
    ],
  ),
  'aws:ec2/routeTable:RouteTable': declare(['propagatingVgws', 'region', 'routes', 'tags', 'vpcId']),
  'aws:ec2/routeTableAssociation:RouteTableAssociation': declare(['gatewayId', 'region', 'routeTableId', 'subnetId']),
  'aws:ec2/route:Route': declare(
    [
      'carrierGatewayId', 'coreNetworkArn', 'destinationCidrBlock', 'destinationIpv6CidrBlock',
      'destinationPrefixListId', 'egressOnlyGatewayId', 'gatewayId', 'localGatewayId', 'natGatewayId',
      'networkInterfaceId', 'odbNetworkArn', 'region', 'routeTableId', 'transitGatewayId', 'vpcEndpointId',
      'vpcPeeringConnectionId',
    ],
  ),
  'aws:ec2/internetGateway:InternetGateway': declare(['region', 'tags', 'vpcId']),
  'aws:ec2/eip:Eip': declare(
    [
      'address', 'associateWithPrivateIp', 'customerOwnedIpv4Pool', 'domain', 'instance', 'ipamPoolId',
      'networkBorderGroup', 'networkInterface', 'publicIpv4Pool', 'region', 'tags',
    ],
  ),
  'aws:ec2/natGateway:NatGateway': declare(
    [
      'allocationId', 'availabilityMode', 'availabilityZoneAddresses', 'connectivityType', 'privateIp',
      'region', 'secondaryAllocationIds', 'secondaryPrivateIpAddressCount', 'secondaryPrivateIpAddresses',
      'subnetId', 'tags', 'vpcId',
    ],
  ),
  'aws:ec2/vpcEndpoint:VpcEndpoint': declare(
    [
      'autoAccept', 'dnsOptions', 'ipAddressType', 'policy', 'privateDnsEnabled', 'region',
      'resourceConfigurationArn', 'routeTableIds', 'securityGroupIds', 'serviceName', 'serviceNetworkArn',
      'serviceRegion', 'subnetConfigurations', 'subnetIds', 'tags', 'vpcEndpointType', 'vpcId',
    ],
  ),
  'aws:ec2/securityGroup:SecurityGroup': declare(
    [
      'description', 'egress', 'ingress', 'name', 'namePrefix', 'region', 'revokeRulesOnDelete', 'tags',
      'vpcId',
    ], { description: 'Managed by Pulumi' },
  ),
  'aws:ec2/securityGroupRule:SecurityGroupRule': declare(
    [
      'cidrBlocks', 'description', 'fromPort', 'ipv6CidrBlocks', 'prefixListIds', 'protocol', 'region',
      'securityGroupId', 'self', 'sourceSecurityGroupId', 'toPort', 'type',
    ],
  ),
  'aws:lb/loadBalancer:LoadBalancer': declare(
    [
      'accessLogs', 'clientKeepAlive', 'connectionLogs', 'customerOwnedIpv4Pool', 'desyncMitigationMode',
      'dnsRecordClientRoutingPolicy', 'dropInvalidHeaderFields', 'enableCrossZoneLoadBalancing',
      'enableDeletionProtection', 'enableHttp2', 'enablePrefixForIpv6SourceNat',
      'enableTlsVersionAndCipherSuiteHeaders', 'enableWafFailOpen', 'enableXffClientPort',
      'enableZonalShift', 'enforceSecurityGroupInboundRulesOnPrivateLinkTraffic', 'healthCheckLogs',
      'idleTimeout', 'internal', 'ipAddressType', 'ipamPools', 'loadBalancerType',
      'minimumLoadBalancerCapacity', 'name', 'namePrefix', 'preserveHostHeader', 'region',
      'secondaryIpsAutoAssignedPerSubnet', 'securityGroups', 'subnetMappings', 'subnets', 'tags',
      'xffHeaderProcessingMode',
    ],
  ),
  'aws:lb/targetGroup:TargetGroup': declare(
    [
      'connectionTermination', 'deregistrationDelay', 'healthCheck', 'ipAddressType',
      'lambdaMultiValueHeadersEnabled', 'loadBalancingAlgorithmType', 'loadBalancingAnomalyMitigation',
      'loadBalancingCrossZoneEnabled', 'name', 'namePrefix', 'port', 'preserveClientIp', 'protocol',
      'protocolVersion', 'proxyProtocolV2', 'region', 'slowStart', 'stickiness', 'tags',
      'targetControlPort', 'targetFailovers', 'targetGroupHealth', 'targetHealthStates', 'targetType',
      'vpcId',
    ],
  ),
  'aws:lb/listener:Listener': declare(
    [
      'alpnPolicy', 'certificateArn', 'defaultActions', 'loadBalancerArn', 'mutualAuthentication', 'port',
      'protocol', 'region', 'routingHttpRequestXAmznMtlsClientcertHeaderName',
      'routingHttpRequestXAmznMtlsClientcertIssuerHeaderName',
      'routingHttpRequestXAmznMtlsClientcertLeafHeaderName',
      'routingHttpRequestXAmznMtlsClientcertSerialNumberHeaderName',
      'routingHttpRequestXAmznMtlsClientcertSubjectHeaderName',
      'routingHttpRequestXAmznMtlsClientcertValidityHeaderName',
      'routingHttpRequestXAmznTlsCipherSuiteHeaderName', 'routingHttpRequestXAmznTlsVersionHeaderName',
      'routingHttpResponseAccessControlAllowCredentialsHeaderValue',
      'routingHttpResponseAccessControlAllowHeadersHeaderValue',
      'routingHttpResponseAccessControlAllowMethodsHeaderValue',
      'routingHttpResponseAccessControlAllowOriginHeaderValue',
      'routingHttpResponseAccessControlExposeHeadersHeaderValue',
      'routingHttpResponseAccessControlMaxAgeHeaderValue',
      'routingHttpResponseContentSecurityPolicyHeaderValue', 'routingHttpResponseServerEnabled',
      'routingHttpResponseStrictTransportSecurityHeaderValue',
      'routingHttpResponseXContentTypeOptionsHeaderValue', 'routingHttpResponseXFrameOptionsHeaderValue',
      'sslPolicy', 'tags', 'tcpIdleTimeoutSeconds',
    ],
  ),
  'aws:ecs/service:Service': declare(
    [
      'alarms', 'availabilityZoneRebalancing', 'capacityProviderStrategies', 'cluster',
      'deploymentCircuitBreaker', 'deploymentConfiguration', 'deploymentController',
      'deploymentMaximumPercent', 'deploymentMinimumHealthyPercent', 'desiredCount',
      'enableEcsManagedTags', 'enableExecuteCommand', 'forceDelete', 'forceNewDeployment',
      'healthCheckGracePeriodSeconds', 'iamRole', 'launchType', 'loadBalancers', 'name',
      'networkConfiguration', 'orderedPlacementStrategies', 'placementConstraints', 'platformVersion',
      'propagateTags', 'region', 'schedulingStrategy', 'serviceConnectConfiguration', 'serviceRegistries',
      'sigintRollback', 'tags', 'taskDefinition', 'triggers', 'volumeConfiguration',
      'vpcLatticeConfigurations', 'waitForSteadyState',
    ],
  ),
  'aws:ecs/taskDefinition:TaskDefinition': declare(
    [
      'containerDefinitions', 'cpu', 'enableFaultInjection', 'ephemeralStorage', 'executionRoleArn',
      'family', 'ipcMode', 'memory', 'networkMode', 'pidMode', 'placementConstraints',
      'proxyConfiguration', 'region', 'requiresCompatibilities', 'runtimePlatform', 'skipDestroy', 'tags',
      'taskRoleArn', 'trackLatest', 'volumes',
    ],
  ),
  'aws:iam/role:Role': declare(
    [
      'assumeRolePolicy', 'description', 'forceDetachPolicies', 'inlinePolicies', 'managedPolicyArns',
      'maxSessionDuration', 'name', 'namePrefix', 'path', 'permissionsBoundary', 'tags',
    ],
  ),
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment': declare(['policyArn', 'role']),
  'aws:cloudwatch/logGroup:LogGroup': declare(
    [
      'deletionProtectionEnabled', 'kmsKeyId', 'logGroupClass', 'name', 'namePrefix', 'region',
      'retentionInDays', 'skipDestroy', 'tags',
    ],
  ),
  'aws:ecr/repository:Repository': declare(
    [
      'encryptionConfigurations', 'forceDelete', 'imageScanningConfiguration', 'imageTagMutability',
      'imageTagMutabilityExclusionFilters', 'name', 'region', 'tags',
    ],
  ),
  'aws:ecr/lifecyclePolicy:LifecyclePolicy': declare(['policy', 'region', 'repository']),
  'aws:s3/bucket:Bucket': declare(
    [
      'accelerationStatus', 'acl', 'bucket', 'bucketNamespace', 'bucketPrefix', 'corsRules',
      'forceDestroy', 'grants', 'lifecycleRules', 'logging', 'objectLockConfiguration',
      'objectLockEnabled', 'policy', 'region', 'replicationConfiguration', 'requestPayer',
      'serverSideEncryptionConfiguration', 'tags', 'versioning', 'website',
    ],
  ),
  'aws:s3/bucketPolicy:BucketPolicy': declare(['bucket', 'policy', 'region']),
  'aws:cloudtrail/trail:Trail': declare(
    [
      'advancedEventSelectors', 'cloudWatchLogsGroupArn', 'cloudWatchLogsRoleArn',
      'enableLogFileValidation', 'enableLogging', 'eventSelectors', 'includeGlobalServiceEvents',
      'insightSelectors', 'isMultiRegionTrail', 'isOrganizationTrail', 'kmsKeyId', 'name', 'region',
      's3BucketName', 's3KeyPrefix', 'snsTopicName', 'tags',
    ],
  ),
};

/** The declaration for a type; throws for a type no model should register without declaring it here first. */
export function awsSdkInputs(type: string): AwsSdkInputs {
  const declared = AWS_SDK_INPUTS[type];
  if (!declared) throw new Error(`the awsx models have no AWS SDK input declaration for ${type}: add it to aws-sdk-inputs.ts`);
  return declared;
}
