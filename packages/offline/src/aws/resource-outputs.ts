/**
 * What the AWS provider returns once it has created a resource, emulated closely enough for policies and for
 * programs that read outputs: the id, the ARN (partition, region and account of the environment), and the
 * computed outputs programs commonly use. One table by type token; a type not in it gets the shapes most AWS
 * resources share (EC2 ids by prefix, named resources identified by their name, `<kind>/<id>` ARNs). Only `aws:`
 * resources are emulated; the engine gives other packages' resources no made-up outputs.
 */
import { dnsSuffixOf, partitionOf, serviceLinkedRoleName, serviceLinkedRolePath } from '@bulwark/aws-model';
import { stableHex, stableUuid } from './stable-ids';
import { AUTO_NAMES } from './auto-names';
import { requestedRegion, type AwsEnvironment } from './aws-environment';

/** A resource about to be created, as the emulation sees it. */
export interface CreatedContext {
  readonly type: string;
  /** The module of the token (`ec2` in `aws:ec2/vpc:Vpc`). */
  readonly module: string;
  /** The resource kind (`Vpc`). */
  readonly kind: string;
  readonly inputs: Record<string, unknown>;
  readonly urn: string;
  readonly region: string;
  readonly partition: string;
  readonly account: string;
  /** The DNS suffix of the partition (`amazonaws.com`). */
  readonly dns: string;
}

/** How the provider fills in one resource type; every part is optional and falls back to the common shape. */
export interface ResourceEmulation {
  /** The id the provider returns. */
  readonly id?: (resource: CreatedContext) => string;
  /** The resource part of the ARN (after `arn:<partition>:<service>:<region>:<account>:`). */
  readonly arnResource?: (resource: CreatedContext, id: string) => string;
  /** Computed outputs besides `arn`. */
  readonly outputs?: (resource: CreatedContext, id: string) => Record<string, unknown>;
  /** The provider identifies the resource by its ARN (ECS services; every Elastic Load Balancing resource). */
  readonly idIsArn?: boolean;
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);

/** The resource's name input (its auto-named property, else `name`), when the program or auto-naming set one. */
function givenName(resource: CreatedContext): string | undefined {
  const property = AUTO_NAMES[resource.type]?.property ?? 'name';
  const value = resource.inputs[property];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const named = (resource: CreatedContext): string => givenName(resource) ?? `${resource.kind.toLowerCase()}-${stableHex(resource.urn, 12)}`;
const iamPath = (kind: string) => (resource: CreatedContext, id: string) => `${kebab(kind)}${text(resource.inputs['path'], '/')}${id}`;
const loadBalancerKind = (resource: CreatedContext) => (resource.inputs['loadBalancerType'] === 'network' ? 'net' : 'app');

const bucket: ResourceEmulation = {
  id: named,
  arnResource: (_resource, id) => id,
  outputs: ({ region, dns }, id) => ({
    bucketDomainName: `${id}.s3.${dns}`,
    bucketRegionalDomainName: `${id}.s3.${region}.${dns}`,
    region,
    hostedZoneId: 'Z3AQBSTGFYJSTF',
  }),
};

const loadBalancer: ResourceEmulation = {
  idIsArn: true,
  arnResource: (resource, id) => `loadbalancer/${loadBalancerKind(resource)}/${text(resource.inputs['name'], id)}/${stableHex(resource.urn, 16)}`,
  outputs: (resource, id) => {
    const name = text(resource.inputs['name'], id);
    return {
      arnSuffix: `${loadBalancerKind(resource)}/${name}/${stableHex(resource.urn, 16)}`,
      dnsName: `${name}-${parseInt(stableHex(resource.urn, 8), 16)}.${resource.region}.elb.${resource.dns}`,
      zoneId: `Z${stableHex(`${resource.region}/elb`, 12).toUpperCase()}`,
    };
  },
};

const targetGroup: ResourceEmulation = {
  idIsArn: true,
  arnResource: (resource, id) => `targetgroup/${text(resource.inputs['name'], id)}/${stableHex(resource.urn, 16)}`,
  outputs: (resource, id) => ({ arnSuffix: `targetgroup/${text(resource.inputs['name'], id)}/${stableHex(resource.urn, 16)}` }),
};

const listener: ResourceEmulation = {
  idIsArn: true,
  arnResource: (resource, id) => {
    const loadBalancerPath = text(resource.inputs['loadBalancerArn'], '').split(':loadbalancer/')[1];
    return `listener/${loadBalancerPath ?? `app/${id}/${stableHex(`${resource.urn}/lb`, 16)}`}/${stableHex(resource.urn, 16)}`;
  },
};

/**
 * A service-linked role: the service names it and places it under `/aws-service-role/<service>/`, and the provider
 * identifies it by its ARN (see @bulwark/aws-model's service-linked-roles.ts for the names and their sources).
 */
const serviceLinkedRole: ResourceEmulation = {
  idIsArn: true,
  arnResource: ({ inputs }) => {
    const service = text(inputs['awsServiceName'], 'unknown.amazonaws.com');
    return `role${serviceLinkedRolePath(service)}${serviceLinkedRoleName(service, text(inputs['customSuffix'], ''))}`;
  },
  outputs: ({ inputs, urn }) => {
    const service = text(inputs['awsServiceName'], 'unknown.amazonaws.com');
    return {
      name: serviceLinkedRoleName(service, text(inputs['customSuffix'], '')),
      path: serviceLinkedRolePath(service),
      uniqueId: `AROA${stableHex(urn, 17).toUpperCase()}`,
    };
  },
};

/** Computed outputs by type token: the one table of what the offline engine makes up for created resources. */
export const RESOURCE_OUTPUTS: Readonly<Record<string, ResourceEmulation>> = {
  'aws:s3/bucket:Bucket': bucket,
  'aws:s3/bucketV2:BucketV2': bucket,
  'aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration': {
    id: (resource) => text(resource.inputs['bucket'], named(resource)),
    outputs: ({ inputs, region, dns }) => ({
      websiteDomain: `s3-website-${region}.${dns}`,
      websiteEndpoint: `${text(inputs['bucket'], 'bucket')}.s3-website-${region}.${dns}`,
    }),
  },
  'aws:s3/bucketObject:BucketObject': {
    id: (resource) => text(resource.inputs['key'], resource.urn.slice(resource.urn.lastIndexOf('::') + 2)),
    outputs: (resource) => ({ etag: stableHex(resource.urn, 32), versionId: '' }),
  },
  'aws:lb/loadBalancer:LoadBalancer': loadBalancer,
  'aws:alb/loadBalancer:LoadBalancer': loadBalancer,
  'aws:lb/targetGroup:TargetGroup': targetGroup,
  'aws:alb/targetGroup:TargetGroup': targetGroup,
  'aws:lb/listener:Listener': listener,
  'aws:alb/listener:Listener': listener,
  'aws:ecs/taskDefinition:TaskDefinition': {
    id: (resource) => text(resource.inputs['family'], named(resource)),
    arnResource: (resource, id) => `task-definition/${text(resource.inputs['family'], id)}:1`,
    outputs: (resource, id) => ({
      revision: 1,
      arnWithoutRevision: `arn:${resource.partition}:ecs:${resource.region}:${resource.account}:task-definition/${text(resource.inputs['family'], id)}`,
    }),
  },
  'aws:ecs/service:Service': {
    idIsArn: true,
    id: named,
    arnResource: (resource, id) => `service/${typeof resource.inputs['cluster'] === 'string' ? resource.inputs['cluster'].split('/').pop() : 'default'}/${id}`,
  },
  'aws:ecs/cluster:Cluster': { id: named },
  'aws:iam/role:Role': { id: named, arnResource: iamPath('Role'), outputs: ({ urn }) => ({ uniqueId: `AROA${stableHex(urn, 17).toUpperCase()}` }) },
  'aws:iam/user:User': { id: named, arnResource: iamPath('User'), outputs: ({ urn }) => ({ uniqueId: `AIDA${stableHex(urn, 17).toUpperCase()}` }) },
  'aws:iam/group:Group': { id: named, arnResource: iamPath('Group'), outputs: ({ urn }) => ({ uniqueId: `AGPA${stableHex(urn, 17).toUpperCase()}` }) },
  'aws:iam/policy:Policy': { id: named, arnResource: iamPath('Policy'), outputs: ({ urn }) => ({ policyId: `ANPA${stableHex(urn, 17).toUpperCase()}` }) },
  'aws:iam/instanceProfile:InstanceProfile': { id: named, arnResource: iamPath('InstanceProfile') },
  'aws:iam/serviceLinkedRole:ServiceLinkedRole': serviceLinkedRole,
  'aws:kms/key:Key': { id: ({ urn }) => stableUuid(urn), arnResource: (_resource, id) => `key/${id}`, outputs: (_resource, id) => ({ keyId: id }) },
  'aws:kms/alias:Alias': {
    arnResource: (resource, id) => text(resource.inputs['name'], `alias/${id}`),
    outputs: ({ partition, region, account, urn }) => ({ targetKeyArn: `arn:${partition}:kms:${region}:${account}:key/${stableUuid(urn)}` }),
  },
  'aws:cloudwatch/logGroup:LogGroup': { id: named, arnResource: (_resource, id) => `log-group:${id}` },
  'aws:lambda/function:Function': {
    id: named,
    arnResource: (_resource, id) => `function:${id}`,
    outputs: ({ partition, region, account }, id) => ({
      invokeArn: `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/arn:${partition}:lambda:${region}:${account}:function:${id}/invocations`,
      qualifiedArn: `arn:${partition}:lambda:${region}:${account}:function:${id}:1`,
      version: '1',
    }),
  },
  'aws:rds/instance:Instance': {
    id: named,
    arnResource: (_resource, id) => `db:${id}`,
    outputs: (resource, id) => {
      const { partition, region, account, urn, dns, inputs } = resource;
      const address = `${id}.${stableHex(urn, 12)}.${region}.rds.${dns}`;
      const managedSecret =
        inputs['manageMasterUserPassword'] === true
          ? {
              masterUserSecrets: [
                {
                  secretArn: `arn:${partition}:secretsmanager:${region}:${account}:secret:rds!db-${stableUuid(urn)}-${stableHex(urn, 6)}`,
                  kmsKeyId: text(inputs['masterUserSecretKmsKeyId'], ''),
                  secretStatus: 'active',
                },
              ],
            }
          : {};
      return { address, endpoint: `${address}:5432`, resourceId: `db-${stableHex(urn, 26).toUpperCase()}`, ...managedSecret };
    },
  },
  'aws:rds/cluster:Cluster': {
    id: named,
    arnResource: (_resource, id) => `cluster:${id}`,
    outputs: ({ urn, region, dns }, id) => ({
      endpoint: `${id}.cluster-${stableHex(urn, 12)}.${region}.rds.${dns}`,
      readerEndpoint: `${id}.cluster-ro-${stableHex(urn, 12)}.${region}.rds.${dns}`,
    }),
  },
  'aws:rds/subnetGroup:SubnetGroup': { id: named, arnResource: (_resource, id) => `subgrp:${id}` },
  'aws:dynamodb/table:Table': { id: named, arnResource: (_resource, id) => `table/${id}` },
  'aws:sns/topic:Topic': { id: named, arnResource: (_resource, id) => id },
  'aws:sqs/queue:Queue': {
    id: named,
    arnResource: (_resource, id) => id,
    outputs: ({ region, dns, account }, id) => ({ url: `https://sqs.${region}.${dns}/${account}/${id}` }),
  },
  'aws:cloudtrail/trail:Trail': { id: named, arnResource: (_resource, id) => `trail/${id}` },
  'aws:secretsmanager/secret:Secret': { arnResource: (_resource, id) => `secret:${id}` },
  'aws:cloudfront/distribution:Distribution': {
    id: ({ urn }) => `E${stableHex(urn, 13).toUpperCase()}`,
    arnResource: (_resource, id) => `distribution/${id}`,
    outputs: (_resource, id) => ({ domainName: `${id.toLowerCase()}.cloudfront.net`, hostedZoneId: 'Z2FDTNDATAQYW2', status: 'Deployed' }),
  },
  'aws:cloudfront/originAccessIdentity:OriginAccessIdentity': {
    id: ({ urn }) => `E${stableHex(urn, 13).toUpperCase()}`,
    outputs: ({ partition, urn }, id) => ({
      cloudfrontAccessIdentityPath: `origin-access-identity/cloudfront/${id}`,
      iamArn: `arn:${partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${id}`,
      s3CanonicalUserId: stableHex(urn, 64),
    }),
  },
  'aws:cloudfront/originAccessControl:OriginAccessControl': { id: ({ urn }) => `E${stableHex(urn, 13).toUpperCase()}` },
  'aws:wafv2/webAcl:WebAcl': {
    arnResource: (resource, id) => `${resource.inputs['scope'] === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/${text(resource.inputs['name'], id)}/${id}`,
  },
  'aws:guardduty/detector:Detector': { id: ({ urn }) => stableHex(urn, 32) },
  'aws:ecr/repository:Repository': {
    id: named,
    outputs: ({ account, region, dns }, id) => ({ registryId: account, repositoryUrl: `${account}.dkr.ecr.${region}.${dns}/${id}` }),
  },
  'aws:elasticache/replicationGroup:ReplicationGroup': {
    id: named,
    outputs: ({ urn, region, dns }, id) => ({
      primaryEndpointAddress: `master.${id}.${stableHex(urn, 6)}.${region.replace(/-/g, '')}.cache.${dns}`,
      readerEndpointAddress: `replica.${id}.${stableHex(urn, 6)}.${region.replace(/-/g, '')}.cache.${dns}`,
    }),
  },
  'aws:ec2/vpc:Vpc': {
    outputs: ({ inputs, urn, account }) => ({
      ...(inputs['assignGeneratedIpv6CidrBlock'] === true
        ? { ipv6CidrBlock: `2600:1f${stableHex(urn, 2)}:${stableHex(`${urn}/ipv6`, 4)}:${stableHex(`${urn}/56`, 2)}00::/56` }
        : {}),
      defaultSecurityGroupId: `sg-${stableHex(`${urn}/sg`, 17)}`,
      defaultNetworkAclId: `acl-${stableHex(`${urn}/acl`, 17)}`,
      mainRouteTableId: `rtb-${stableHex(`${urn}/rtb`, 17)}`,
      ownerId: account,
    }),
  },
  'aws:ec2/subnet:Subnet': { outputs: ({ account }) => ({ ownerId: account }) },
  'aws:ec2/securityGroup:SecurityGroup': { outputs: ({ account }) => ({ ownerId: account }) },
  'aws:ec2/eip:Eip': {
    outputs: ({ urn }, id) => ({ allocationId: id, domain: 'vpc', publicIp: documentationAddress(urn) }),
  },
  'aws:ec2/instance:Instance': {
    outputs: ({ urn, region }) => {
      const publicIp = documentationAddress(urn);
      const privateIp = `10.0.${parseInt(stableHex(`${urn}/private`, 2), 16)}.${1 + (parseInt(stableHex(`${urn}/host`, 2), 16) % 254)}`;
      const domain = region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`;
      return {
        privateIp,
        privateDns: `ip-${privateIp.replace(/\./g, '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`,
        publicIp,
        publicDns: `ec2-${publicIp.replace(/\./g, '-')}.${domain}`,
        primaryNetworkInterfaceId: `eni-${stableHex(`${urn}/eni`, 17)}`,
        instanceState: 'running',
      };
    },
  },
  'aws:ec2/launchTemplate:LaunchTemplate': { outputs: () => ({ latestVersion: 1, defaultVersion: 1 }) },
  'aws:route53/zone:Zone': {
    id: ({ urn }) => `Z${stableHex(urn, 20).toUpperCase()}`,
    arnResource: (_resource, id) => `hostedzone/${id}`,
    outputs: ({ urn }, id) => ({ zoneId: id, nameServers: route53NameServers(urn) }),
  },
  'aws:apigateway/restApi:RestApi': {
    id: ({ urn }) => stableHex(urn, 10),
    arnResource: (_resource, id) => `/restapis/${id}`,
    outputs: ({ urn, partition, region, account }, id) => ({
      rootResourceId: stableHex(`${urn}/root`, 10),
      executionArn: `arn:${partition}:execute-api:${region}:${account}:${id}`,
    }),
  },
};

/** A public address from the range reserved for documentation (RFC 5737, 203.0.113.0/24), derived from the URN. */
function documentationAddress(urn: string): string {
  return `203.0.113.${1 + (parseInt(stableHex(`${urn}/ip`, 2), 16) % 254)}`;
}

/** Four name servers as Route 53 assigns them (one each under .com, .net, .org and .co.uk). */
export function route53NameServers(seed: string): string[] {
  const number = (suffix: string) => parseInt(stableHex(`${seed}/${suffix}`, 4), 16) % 2048;
  return [
    `ns-${number('com')}.awsdns-${number('a') % 64}.com`,
    `ns-${number('net')}.awsdns-${number('b') % 64}.net`,
    `ns-${number('org')}.awsdns-${number('c') % 64}.org`,
    `ns-${number('uk')}.awsdns-${number('d') % 64}.co.uk`,
  ];
}

/** Id prefixes of EC2-family resources (`vpc-`, `sg-`...), by kind. */
const EC2_ID_PREFIXES: Record<string, string> = {
  Vpc: 'vpc', Subnet: 'subnet', SecurityGroup: 'sg', InternetGateway: 'igw', NatGateway: 'nat',
  RouteTable: 'rtb', NetworkAcl: 'acl', FlowLog: 'fl', VpcEndpoint: 'vpce', Instance: 'i', LaunchTemplate: 'lt',
  Volume: 'vol', Eip: 'eipalloc', NetworkInterface: 'eni', SecurityGroupRule: 'sgr', SecurityGroupIngressRule: 'sgr',
  SecurityGroupEgressRule: 'sgr', RouteTableAssociation: 'rtbassoc', DefaultSecurityGroup: 'sg', KeyPair: 'key',
  EgressOnlyInternetGateway: 'eigw', VpcPeeringConnection: 'pcx', TransitGateway: 'tgw', NetworkAclRule: 'nacl',
};

/** Modules whose resources the provider identifies by their name. */
const NAME_IS_ID = new Set(['s3', 'iam', 'cloudwatch', 'lambda', 'rds', 'dynamodb', 'elasticache', 'cloudtrail', 'sns', 'sqs', 'autoscaling', 'ecr', 'ecs', 'cfg']);

/** ARN service names that differ from the token's module. */
const ARN_SERVICE: Record<string, string> = {
  ec2: 'ec2', vpc: 'ec2', ebs: 'ec2', cloudwatch: 'logs', cfg: 'config', lb: 'elasticloadbalancing',
  alb: 'elasticloadbalancing', autoscaling: 'autoscaling', accessanalyzer: 'access-analyzer', apigateway: 'apigateway',
};

/** Services whose ARNs carry no region. */
const GLOBAL_SERVICES = new Set(['iam', 's3', 'cloudfront', 'route53', 'organizations']);

/** Services whose ARNs carry no account. */
const ACCOUNTLESS_SERVICES = new Set(['s3', 'route53', 'apigateway']);

function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The id of a type without its own rule: EC2-family ids by prefix, a name for named services, else `<kind>-<hex>`. */
function commonId(resource: CreatedContext): string {
  const prefix = EC2_ID_PREFIXES[resource.kind];
  if (prefix && ['ec2', 'vpc', 'ebs'].includes(resource.module)) return `${prefix}-${stableHex(resource.urn, 17)}`;
  const name = givenName(resource);
  if (name && NAME_IS_ID.has(resource.module)) return name;
  return `${resource.kind.toLowerCase()}-${stableHex(resource.urn, 12)}`;
}

/** What a created resource looks like to the program: its id and the computed outputs. */
export interface CreatedResource {
  readonly id: string;
  readonly computed: Record<string, unknown>;
}

/** The id, ARN and computed outputs the AWS provider returns once the resource exists. */
export function createdResource(type: string, inputs: Record<string, unknown>, urn: string, environment: AwsEnvironment): CreatedResource {
  const [, modulePath = '', kind = ''] = type.split(':');
  const region = requestedRegion(inputs, environment);
  const partition = partitionOf(region);
  const resource: CreatedContext = {
    type,
    module: modulePath.split('/')[0] ?? '',
    kind,
    inputs,
    urn,
    region,
    partition,
    account: environment.account,
    dns: dnsSuffixOf(partition),
  };
  const emulation = RESOURCE_OUTPUTS[type] ?? {};
  let id = (emulation.id ?? commonId)(resource);
  const service = ARN_SERVICE[resource.module] ?? resource.module;
  const arnRegion = GLOBAL_SERVICES.has(service) ? '' : region;
  const arnAccount = ACCOUNTLESS_SERVICES.has(service) ? '' : environment.account;
  const arnResource = emulation.arnResource ? emulation.arnResource(resource, id) : `${kebab(kind)}/${id}`;
  const arn = `arn:${partition}:${service}:${arnRegion}:${arnAccount}:${arnResource}`;
  const computed = { arn, ...emulation.outputs?.(resource, id) };
  // Elastic Load Balancing identifies everything it makes (rules and attachments too) by its ARN.
  if (emulation.idIsArn ?? ['lb', 'alb'].includes(resource.module)) id = arn;
  return { id, computed };
}
