/**
 * Auto-naming as the AWS provider does it: a resource created without a name gets its logical name, a dash and
 * seven random hex digits (here derived from the URN, so every run gets the same), within the service's limits.
 * The provider's Check adds the name before analyzers see the inputs, so it is known even in a preview.
 */
import { stableHex } from './stable-ids';

interface AutoName {
  /** The input property the provider fills with an auto-name. */
  readonly property: string;
  readonly maxLength: number;
  readonly lowercase?: boolean;
}

const nameProperty = (maxLength: number, lowercase = false): AutoName => ({ property: 'name', maxLength, lowercase });

/** Resource types the provider auto-names, with the property and the service's limits. */
export const AUTO_NAMES: Record<string, AutoName> = {
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
