/**
 * How the AWS provider fills in a resource, emulated closely enough for policies and for programs that read
 * outputs: auto-names (which the provider's Check adds before analyzers see the inputs, so they are known even in
 * a preview), ids, ARNs with partition/region/account, and the common computed outputs.
 */
import { dnsSuffixOf, partitionOf } from '@bulwark/aws-model';
import { stableHex, stableUuid } from './stable-ids';

/** The account and region the offline engine pretends to deploy into. */
export interface AwsEnvironment {
  readonly account: string;
  readonly region: string;
}

interface AutoName {
  /** The input property the provider fills with an auto-name. */
  readonly property: string;
  readonly maxLength: number;
  readonly lowercase?: boolean;
}

const nameProperty = (maxLength: number, lowercase = false): AutoName => ({ property: 'name', maxLength, lowercase });

/** Resource types the provider auto-names, with the property and the service's limits. */
const AUTO_NAMES: Record<string, AutoName> = {
  'aws:s3/bucket:Bucket': { property: 'bucket', maxLength: 63, lowercase: true },
  'aws:s3/bucketV2:BucketV2': { property: 'bucket', maxLength: 63, lowercase: true },
  'aws:iam/role:Role': nameProperty(64),
  'aws:iam/policy:Policy': nameProperty(128),
  'aws:iam/user:User': nameProperty(64),
  'aws:iam/group:Group': nameProperty(128),
  'aws:iam/instanceProfile:InstanceProfile': nameProperty(128),
  'aws:iam/rolePolicy:RolePolicy': nameProperty(128),
  'aws:iam/groupPolicy:GroupPolicy': nameProperty(128),
  'aws:iam/userPolicy:UserPolicy': nameProperty(128),
  'aws:ec2/securityGroup:SecurityGroup': nameProperty(255),
  'aws:ec2/launchTemplate:LaunchTemplate': nameProperty(125),
  'aws:cloudwatch/logGroup:LogGroup': nameProperty(512),
  'aws:lambda/function:Function': nameProperty(64),
  'aws:rds/instance:Instance': { property: 'identifier', maxLength: 63, lowercase: true },
  'aws:rds/cluster:Cluster': { property: 'clusterIdentifier', maxLength: 63, lowercase: true },
  'aws:rds/subnetGroup:SubnetGroup': nameProperty(255, true),
  'aws:rds/parameterGroup:ParameterGroup': nameProperty(255, true),
  'aws:dynamodb/table:Table': nameProperty(255),
  'aws:elasticache/replicationGroup:ReplicationGroup': { property: 'replicationGroupId', maxLength: 40, lowercase: true },
  'aws:elasticache/subnetGroup:SubnetGroup': nameProperty(255, true),
  'aws:cloudtrail/trail:Trail': nameProperty(128),
  'aws:wafv2/webAcl:WebAcl': nameProperty(128),
  'aws:cloudfront/originAccessControl:OriginAccessControl': nameProperty(64),
  'aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy': nameProperty(128),
  'aws:autoscaling/group:Group': nameProperty(255),
  'aws:sns/topic:Topic': nameProperty(256),
  'aws:sqs/queue:Queue': nameProperty(80),
  'aws:secretsmanager/secret:Secret': nameProperty(512),
  'aws:lb/loadBalancer:LoadBalancer': nameProperty(32),
  'aws:lb/targetGroup:TargetGroup': nameProperty(32),
  'aws:ecs/cluster:Cluster': nameProperty(255),
  'aws:ecs/service:Service': nameProperty(255),
  'aws:ecr/repository:Repository': nameProperty(256, true),
  'aws:cfg/configurationRecorder:ConfigurationRecorder': nameProperty(256),
  'aws:cfg/recorder:Recorder': nameProperty(256),
  'aws:cfg/deliveryChannel:DeliveryChannel': nameProperty(256),
  'aws:cfg/rule:Rule': nameProperty(128),
  'aws:accessanalyzer/analyzer:Analyzer': { property: 'analyzerName', maxLength: 255 },
  'aws:ec2/keyPair:KeyPair': { property: 'keyName', maxLength: 255 },
};

/** The auto-name the provider would generate: the logical name, a dash and seven hex digits, within limits. */
export function autoName(type: string, name: string, urn: string): { property: string; value: string } | undefined {
  const rule = AUTO_NAMES[type];
  if (!rule) return undefined;
  const suffix = `-${stableHex(urn, 7)}`;
  let base = rule.lowercase ? name.toLowerCase().replace(/[^a-z0-9-]/g, '-') : name;
  base = base.slice(0, Math.max(1, rule.maxLength - suffix.length));
  return { property: rule.property, value: `${base}${suffix}` };
}

/** `aws:ec2/securityGroup:SecurityGroup` → `{ module: 'ec2', kind: 'SecurityGroup' }`. */
function parseToken(type: string): { module: string; kind: string } {
  const [, modulePath = '', kind = ''] = type.split(':');
  return { module: modulePath.split('/')[0] ?? '', kind };
}

/** Id prefixes of EC2-family resources. */
const EC2_ID_PREFIXES: Record<string, string> = {
  Vpc: 'vpc', Subnet: 'subnet', SecurityGroup: 'sg', InternetGateway: 'igw', NatGateway: 'nat',
  RouteTable: 'rtb', NetworkAcl: 'acl', FlowLog: 'fl', VpcEndpoint: 'vpce', Instance: 'i', LaunchTemplate: 'lt',
  Volume: 'vol', Eip: 'eipalloc', NetworkInterface: 'eni', SecurityGroupRule: 'sgr', SecurityGroupIngressRule: 'sgr',
  SecurityGroupEgressRule: 'sgr', RouteTableAssociation: 'rtbassoc', DefaultSecurityGroup: 'sg', KeyPair: 'key',
  EgressOnlyInternetGateway: 'eigw', VpcPeeringConnection: 'pcx', TransitGateway: 'tgw', NetworkAclRule: 'nacl',
};

const NAME_IS_ID = new Set(['s3', 'iam', 'cloudwatch', 'lambda', 'rds', 'dynamodb', 'elasticache', 'cloudtrail', 'sns', 'sqs', 'autoscaling', 'ecr', 'ecs', 'cfg']);

const ARN_SERVICE: Record<string, string> = {
  ec2: 'ec2', vpc: 'ec2', ebs: 'ec2', cloudwatch: 'logs', cfg: 'config', lb: 'elasticloadbalancing',
  alb: 'elasticloadbalancing', autoscaling: 'autoscaling', accessanalyzer: 'access-analyzer',
};

const GLOBAL_SERVICES = new Set(['iam', 's3', 'cloudfront', 'route53', 'organizations']);

function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** What a created resource looks like to the program: its id and the computed outputs. */
export interface CreatedResource {
  readonly id: string;
  readonly computed: Record<string, unknown>;
}

/** The id, ARN and computed outputs the provider returns once the resource exists. */
export function createdResource(type: string, inputs: Record<string, unknown>, urn: string, environment: AwsEnvironment): CreatedResource {
  const { module, kind } = parseToken(type);
  const region = typeof inputs['region'] === 'string' ? (inputs['region'] as string) : environment.region;
  const partition = partitionOf(region);
  const account = environment.account;
  const named = AUTO_NAMES[type];
  const givenName = named ? inputs[named.property] : inputs['name'];
  const ec2Prefix = EC2_ID_PREFIXES[kind];
  let id: string;
  if (ec2Prefix && ['ec2', 'vpc', 'ebs'].includes(module)) id = `${ec2Prefix}-${stableHex(urn, 17)}`;
  else if (module === 'kms' && kind === 'Key') id = stableUuid(urn);
  else if (module === 'ecs' && kind === 'TaskDefinition' && typeof inputs['family'] === 'string') id = inputs['family'] as string;
  else if (typeof givenName === 'string' && NAME_IS_ID.has(module)) id = givenName;
  else if (module === 'cloudfront' && ['Distribution', 'OriginAccessIdentity', 'OriginAccessControl'].includes(kind)) id = `E${stableHex(urn, 13).toUpperCase()}`;
  else if (module === 'guardduty' && kind === 'Detector') id = stableHex(urn, 32);
  else id = `${kind.toLowerCase()}-${stableHex(urn, 12)}`;

  const service = ARN_SERVICE[module] ?? module;
  const arnRegion = GLOBAL_SERVICES.has(service) ? '' : region;
  const arnAccount = service === 's3' ? '' : account;
  const resourcePath = arnResourcePath(module, kind, id, inputs, urn);
  const arn = `arn:${partition}:${service}:${arnRegion}:${arnAccount}:${resourcePath}`;
  const computed: Record<string, unknown> = { arn };
  Object.assign(computed, extraOutputs(module, kind, id, region, partition, account, urn, inputs));
  // Load balancers, their target groups and listeners, and ECS services are identified by their ARN.
  if (module === 'lb' || (module === 'ecs' && kind === 'Service')) id = arn;
  return { id, computed };
}

function arnResourcePath(module: string, kind: string, id: string, inputs: Record<string, unknown>, urn: string): string {
  switch (`${module}:${kind}`) {
    case 'lb:LoadBalancer':
      return `loadbalancer/${inputs['loadBalancerType'] === 'network' ? 'net' : 'app'}/${String(inputs['name'] ?? id)}/${stableHex(urn, 16)}`;
    case 'lb:TargetGroup':
      return `targetgroup/${String(inputs['name'] ?? id)}/${stableHex(urn, 16)}`;
    case 'lb:Listener': {
      const loadBalancer = String(inputs['loadBalancerArn'] ?? '').split(':loadbalancer/')[1];
      return `listener/${loadBalancer ?? `app/${id}/${stableHex(`${urn}/lb`, 16)}`}/${stableHex(urn, 16)}`;
    }
    case 'ecs:TaskDefinition':
      return `task-definition/${String(inputs['family'] ?? id)}:1`;
    case 'ecs:Service': {
      const cluster = typeof inputs['cluster'] === 'string' ? (inputs['cluster'] as string).split('/').pop() : 'default';
      return `service/${cluster}/${id}`;
    }
    case 's3:Bucket':
    case 's3:BucketV2':
      return id;
    case 'iam:Role':
    case 'iam:User':
    case 'iam:Group':
    case 'iam:Policy':
    case 'iam:InstanceProfile': {
      const path = typeof inputs['path'] === 'string' ? (inputs['path'] as string) : '/';
      return `${kebab(kind)}${path}${id}`;
    }
    case 'kms:Key':
      return `key/${id}`;
    case 'kms:Alias':
      return typeof inputs['name'] === 'string' ? (inputs['name'] as string) : `alias/${id}`;
    case 'cloudwatch:LogGroup':
      return `log-group:${id}`;
    case 'lambda:Function':
      return `function:${id}`;
    case 'rds:Instance':
      return `db:${id}`;
    case 'rds:Cluster':
      return `cluster:${id}`;
    case 'rds:SubnetGroup':
      return `subgrp:${id}`;
    case 'dynamodb:Table':
      return `table/${id}`;
    case 'sns:Topic':
    case 'sqs:Queue':
      return id;
    case 'cloudtrail:Trail':
      return `trail/${id}`;
    case 'secretsmanager:Secret':
      return `secret:${id}`;
    case 'cloudfront:Distribution':
      return `distribution/${id}`;
    case 'wafv2:WebAcl': {
      const scope = inputs['scope'] === 'CLOUDFRONT' ? 'global' : 'regional';
      return `${scope}/webacl/${String(inputs['name'] ?? id)}/${id}`;
    }
    default:
      return `${kebab(kind)}/${id}`;
  }
}

function extraOutputs(
  module: string,
  kind: string,
  id: string,
  region: string,
  partition: string,
  account: string,
  urn: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const dns = dnsSuffixOf(partition);
  switch (`${module}:${kind}`) {
    case 's3:Bucket':
    case 's3:BucketV2':
      return { bucketDomainName: `${id}.s3.${dns}`, bucketRegionalDomainName: `${id}.s3.${region}.${dns}`, region, hostedZoneId: 'Z3AQBSTGFYJSTF' };
    case 'kms:Key':
      return { keyId: id };
    case 'kms:Alias':
      return { targetKeyArn: `arn:${partition}:kms:${region}:${account}:key/${stableUuid(urn)}` };
    case 'ec2:Vpc':
      return {
        ...(inputs['assignGeneratedIpv6CidrBlock'] === true ? { ipv6CidrBlock: `2600:1f${stableHex(urn, 2)}:${stableHex(`${urn}/ipv6`, 4)}:${stableHex(`${urn}/56`, 2)}00::/56` } : {}),
        defaultSecurityGroupId: `sg-${stableHex(`${urn}/sg`, 17)}`,
        defaultNetworkAclId: `acl-${stableHex(`${urn}/acl`, 17)}`,
        mainRouteTableId: `rtb-${stableHex(`${urn}/rtb`, 17)}`,
        ownerId: account,
      };
    case 'ec2:Subnet':
      return { ownerId: account };
    case 'ec2:Eip': {
      const hex = stableHex(urn, 4);
      return { allocationId: id, domain: 'vpc', publicIp: `203.0.${parseInt(hex.slice(0, 2), 16)}.${parseInt(hex.slice(2), 16)}` };
    }
    case 'lb:LoadBalancer': {
      const name = String(inputs['name'] ?? id);
      const hash = stableHex(urn, 16);
      const kind = inputs['loadBalancerType'] === 'network' ? 'net' : 'app';
      return {
        arnSuffix: `${kind}/${name}/${hash}`,
        dnsName: `${name}-${parseInt(stableHex(urn, 8), 16)}.${region}.elb.${dns}`,
        zoneId: `Z${stableHex(`${region}/elb`, 12).toUpperCase()}`,
      };
    }
    case 'lb:TargetGroup':
      return { arnSuffix: `targetgroup/${String(inputs['name'] ?? id)}/${stableHex(urn, 16)}` };
    case 'ecr:Repository':
      return { registryId: account, repositoryUrl: `${account}.dkr.ecr.${region}.${dns}/${id}` };
    case 'ecs:TaskDefinition':
      return { revision: 1, arnWithoutRevision: `arn:${partition}:ecs:${region}:${account}:task-definition/${String(inputs['family'] ?? id)}` };
    case 'ec2:SecurityGroup':
      return { ownerId: account };
    case 'ec2:Instance':
      return { privateIp: '10.0.0.10', primaryNetworkInterfaceId: `eni-${stableHex(`${urn}/eni`, 17)}` };
    case 'ec2:LaunchTemplate':
      return { latestVersion: 1, defaultVersion: 1 };
    case 'iam:Role':
      return { uniqueId: `AROA${stableHex(urn, 17).toUpperCase()}` };
    case 'iam:Policy':
      return { policyId: `ANPA${stableHex(urn, 17).toUpperCase()}` };
    case 'lambda:Function':
      return {
        invokeArn: `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/arn:${partition}:lambda:${region}:${account}:function:${id}/invocations`,
        qualifiedArn: `arn:${partition}:lambda:${region}:${account}:function:${id}:1`,
        version: '1',
      };
    case 'rds:Instance': {
      const address = `${id}.${stableHex(urn, 12)}.${region}.rds.${dns}`;
      const managedSecret =
        inputs['manageMasterUserPassword'] === true
          ? {
              masterUserSecrets: [
                {
                  secretArn: `arn:${partition}:secretsmanager:${region}:${account}:secret:rds!db-${stableUuid(urn)}-${stableHex(urn, 6)}`,
                  kmsKeyId: typeof inputs['masterUserSecretKmsKeyId'] === 'string' ? inputs['masterUserSecretKmsKeyId'] : '',
                  secretStatus: 'active',
                },
              ],
            }
          : {};
      return { address, endpoint: `${address}:5432`, resourceId: `db-${stableHex(urn, 26).toUpperCase()}`, ...managedSecret };
    }
    case 'rds:Cluster':
      return { endpoint: `${id}.cluster-${stableHex(urn, 12)}.${region}.rds.${dns}`, readerEndpoint: `${id}.cluster-ro-${stableHex(urn, 12)}.${region}.rds.${dns}` };
    case 'elasticache:ReplicationGroup':
      return {
        primaryEndpointAddress: `master.${id}.${stableHex(urn, 6)}.${region.replace(/-/g, '')}.cache.${dns}`,
        readerEndpointAddress: `replica.${id}.${stableHex(urn, 6)}.${region.replace(/-/g, '')}.cache.${dns}`,
      };
    case 'cloudfront:Distribution':
      return { domainName: `${id.toLowerCase()}.cloudfront.net`, hostedZoneId: 'Z2FDTNDATAQYW2', status: 'Deployed' };
    case 'cloudfront:OriginAccessIdentity':
      return {
        cloudfrontAccessIdentityPath: `origin-access-identity/cloudfront/${id}`,
        iamArn: `arn:${partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${id}`,
        s3CanonicalUserId: stableHex(urn, 64),
      };
    case 'sqs:Queue':
      return { url: `https://sqs.${region}.${dns}/${account}/${id}` };
    default:
      return {};
  }
}
