/**
 * The workspace check `workspace-unique-physical-names`: no two stacks of one environment may create a resource
 * with the same physical name where AWS requires names to be unique across the partition (S3 buckets), the
 * account (IAM roles, policies, users, groups, instance profiles) or the account and region (log groups, KMS
 * aliases, trails, Lambda functions, RDS and ElastiCache identifiers, DynamoDB tables, queues, topics, web ACLs).
 * The second create fails (`BucketAlreadyOwnedByYou`, `EntityAlreadyExists`, `ResourceAlreadyExistsException`...),
 * and no single stack's policy pack can see it: it spans stacks, so `bulwark preview` runs it over every stack's
 * result, and the stacks' tests over every stack of each environment.
 *
 * What it cannot know offline: names taken by resources outside the workspace (another team's stack, a console
 * click, for S3 any account in the partition).
 */
import { partitionOf } from '@bulwark/aws-model';
import { providerString, UNDECIDED } from '@bulwark/policy-kit';

/** How unique a physical name must be. */
export type NameScope = 'partition' | 'account' | 'region';

interface UniqueName {
  /** The input that holds the physical name (auto-named by the provider when not given). */
  readonly property: string;
  readonly scope: NameScope;
  /** What the name names, in messages. */
  readonly kind: string;
}

/** The resource types with names AWS requires to be unique, with the input holding the name. */
export const UNIQUE_PHYSICAL_NAMES: Readonly<Record<string, UniqueName>> = {
  'aws:s3/bucket:Bucket': { property: 'bucket', scope: 'partition', kind: 'S3 bucket' },
  'aws:s3/bucketV2:BucketV2': { property: 'bucket', scope: 'partition', kind: 'S3 bucket' },
  'aws:iam/role:Role': { property: 'name', scope: 'account', kind: 'IAM role' },
  'aws:iam/policy:Policy': { property: 'name', scope: 'account', kind: 'IAM managed policy' },
  'aws:iam/user:User': { property: 'name', scope: 'account', kind: 'IAM user' },
  'aws:iam/group:Group': { property: 'name', scope: 'account', kind: 'IAM group' },
  'aws:iam/instanceProfile:InstanceProfile': { property: 'name', scope: 'account', kind: 'IAM instance profile' },
  'aws:cloudwatch/logGroup:LogGroup': { property: 'name', scope: 'region', kind: 'CloudWatch log group' },
  'aws:cloudwatch/logResourcePolicy:LogResourcePolicy': { property: 'policyName', scope: 'region', kind: 'CloudWatch Logs resource policy' },
  'aws:kms/alias:Alias': { property: 'name', scope: 'region', kind: 'KMS alias' },
  'aws:cloudtrail/trail:Trail': { property: 'name', scope: 'region', kind: 'CloudTrail trail' },
  'aws:lambda/function:Function': { property: 'name', scope: 'region', kind: 'Lambda function' },
  'aws:rds/instance:Instance': { property: 'identifier', scope: 'region', kind: 'RDS DB instance' },
  'aws:rds/cluster:Cluster': { property: 'clusterIdentifier', scope: 'region', kind: 'RDS DB cluster' },
  'aws:rds/subnetGroup:SubnetGroup': { property: 'name', scope: 'region', kind: 'RDS DB subnet group' },
  'aws:rds/parameterGroup:ParameterGroup': { property: 'name', scope: 'region', kind: 'RDS DB parameter group' },
  'aws:elasticache/replicationGroup:ReplicationGroup': { property: 'replicationGroupId', scope: 'region', kind: 'ElastiCache replication group' },
  'aws:elasticache/subnetGroup:SubnetGroup': { property: 'name', scope: 'region', kind: 'ElastiCache subnet group' },
  'aws:dynamodb/table:Table': { property: 'name', scope: 'region', kind: 'DynamoDB table' },
  'aws:sqs/queue:Queue': { property: 'name', scope: 'region', kind: 'SQS queue' },
  'aws:sns/topic:Topic': { property: 'name', scope: 'region', kind: 'SNS topic' },
  'aws:cfg/rule:Rule': { property: 'name', scope: 'region', kind: 'AWS Config rule' },
  'aws:lb/targetGroup:TargetGroup': { property: 'name', scope: 'region', kind: 'target group' },
  'aws:lb/loadBalancer:LoadBalancer': { property: 'name', scope: 'region', kind: 'load balancer' },
  'aws:ecr/repository:Repository': { property: 'name', scope: 'region', kind: 'ECR repository' },
  'aws:secretsmanager/secret:Secret': { property: 'name', scope: 'region', kind: 'Secrets Manager secret' },
};

/** A resource as the engine recorded it (the fields the check reads). */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** `<provider-urn>::<provider-id>`. */
  readonly provider?: string;
}

/** One stack of the environment: its resources and where its default provider deploys. */
export interface StackResources {
  readonly project: string;
  readonly stack: string;
  readonly resources: readonly RecordedResource[];
  /** The stack's `aws:region`. */
  readonly region?: string;
  /** The account it deploys into (the first of `aws:allowedAccountIds`), when known. */
  readonly account?: string;
}

/** Two or more stacks creating one physical name. */
export interface PhysicalNameClash {
  readonly kind: string;
  readonly name: string;
  /** Where the name must be unique, in words (`account 111122223333, region eu-west-1`). */
  readonly scope: string;
  readonly holders: readonly { readonly project: string; readonly stack: string; readonly urn: string }[];
}

/** The id of the check, as reports carry it. */
export const UNIQUE_PHYSICAL_NAMES_CHECK = 'workspace-unique-physical-names';

/** The AWS pages the check encodes. */
export const UNIQUE_PHYSICAL_NAMES_REFERENCES = [
  'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html',
  'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html',
] as const;

/** A name or region input as a decided string (a provider's arrive as JSON text); undefined when unknown or absent. */
function text(value: unknown): string | undefined {
  const decided = providerString(value);
  return decided === UNDECIDED ? undefined : decided;
}

/** The region `resource` lives in: its own `region` input, else its provider's, else the stack's. */
function regionOf(resource: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>, stackRegion: string | undefined): string {
  const own = text(resource.inputs['region']);
  if (own) return own;
  const providerUrn = resource.provider?.split('::').slice(0, -1).join('::');
  const provider = providerUrn ? byUrn.get(providerUrn) : undefined;
  return text(provider?.inputs['region']) ?? stackRegion ?? 'the default region';
}

/** The clashes between the stacks of one environment (names unknown in this mode are skipped: they are unique ids). */
export function physicalNameClashes(stacks: readonly StackResources[]): PhysicalNameClash[] {
  const seen = new Map<string, { kind: string; name: string; scope: string; holders: PhysicalNameClash['holders'][number][] }>();
  for (const stack of stacks) {
    const byUrn = new Map(stack.resources.map((resource) => [resource.urn, resource]));
    for (const resource of stack.resources) {
      const unique = UNIQUE_PHYSICAL_NAMES[resource.type];
      if (!unique) continue;
      const name = text(resource.inputs[unique.property]);
      if (!name) continue;
      const account = stack.account ?? 'the environment account';
      const region = regionOf(resource, byUrn, stack.region);
      const partition = partitionOf(region);
      const scope =
        unique.scope === 'partition' ? `partition ${partition}` : unique.scope === 'account' ? `account ${account}` : `account ${account}, region ${region}`;
      const key = `${unique.kind}|${scope}|${name}`;
      const entry = seen.get(key) ?? { kind: unique.kind, name, scope, holders: [] };
      entry.holders.push({ project: stack.project, stack: stack.stack, urn: resource.urn });
      seen.set(key, entry);
    }
  }
  return [...seen.values()].filter((entry) => new Set(entry.holders.map((holder) => holder.project)).size > 1);
}

/** The finding message for one clash, naming every stack and what AWS does with the second create. */
export function describeClash(clash: PhysicalNameClash): string {
  const where = clash.holders.map((holder) => `${holder.project}/${holder.stack} (${holder.urn})`).join(' and ');
  return (
    `${where} all create the ${clash.kind} "${clash.name}", whose name must be unique in the ${clash.scope}: the stack deployed ` +
    'second fails to create it (e.g. BucketAlreadyOwnedByYou, EntityAlreadyExists, ResourceAlreadyExistsException). ' +
    'Give each stack its own name (physicalName with a different purpose), or create it once and share it through a StackReference.'
  );
}
