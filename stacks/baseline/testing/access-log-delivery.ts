import { type ProgramResult, type ResourceRecord } from '@bulwark/offline';

const DELIVERY_STATEMENT_SID = 'AllowS3ServerAccessLogDelivery';

/** A bucket-policy `ArnLike` pattern as a regular expression (`*` any run of characters, `?` one). */
function arnPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function bucketNames(result: ProgramResult): string[] {
  return result.resources.filter((resource) => resource.type === 'aws:s3/bucket:Bucket').map((bucket) => String(bucket.inputs.bucket));
}

function accountOf(result: ProgramResult): string | undefined {
  const identity = result.invokes.find((invoke) => invoke.token === 'aws:index/getCallerIdentity:getCallerIdentity' && invoke.result !== undefined);
  return identity?.result?.accountId as string | undefined;
}

function regionOf(result: ProgramResult, resource: ResourceRecord): string | undefined {
  const provider = result.resources.find((candidate) => candidate.type === 'pulumi:providers:aws' && resource.provider?.startsWith(`${candidate.urn}::`));
  return provider?.inputs.region as string | undefined;
}

/**
 * Everything that would stop a consumer stack's buckets (data, edge) from delivering S3 server access logs into the
 * baseline's access-logs bucket, as AWS decides it: the target is the bucket the baseline exports, its policy admits
 * the source bucket (`aws:SourceArn` pattern) and account (`aws:SourceAccount`), source and target are in one account
 * and region (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html), and no bucket
 * of the consumer has the name of a baseline bucket (its CreateBucket would fail). Both runs are update runs of the
 * same environment, the consumer's StackReference answered with the baseline run's outputs. Empty when deliverable.
 */
export function accessLogDeliveryProblems(baseline: ProgramResult, consumer: ProgramResult): string[] {
  const problems: string[] = [];
  const target = String(baseline.outputs.accessLogsBucketName);
  const policy = baseline.resources.find((resource) => resource.type === 'aws:s3/bucketPolicy:BucketPolicy' && resource.name === 'access-logs');
  const document = policy === undefined ? undefined : (JSON.parse(String(policy.inputs.policy)) as { Statement: Array<Record<string, unknown>> });
  const delivery = document?.Statement.find((statement) => statement.Sid === DELIVERY_STATEMENT_SID);
  if (delivery === undefined) return [`the baseline's access-logs bucket has no ${DELIVERY_STATEMENT_SID} statement`];
  const condition = delivery.Condition as Record<string, Record<string, string | string[]>>;
  const patterns = [condition.ArnLike?.['aws:SourceArn'] ?? []].flat().map(arnPattern);
  const admittedAccount = condition.StringEquals?.['aws:SourceAccount'];

  const consumerAccount = accountOf(consumer);
  if (consumerAccount !== admittedAccount) problems.push(`${consumer.project} deploys into account ${consumerAccount}, the access-logs bucket admits ${admittedAccount}`);
  const baselineBuckets = new Set(bucketNames(baseline));
  for (const name of bucketNames(consumer)) {
    if (baselineBuckets.has(name)) problems.push(`${consumer.project} and baseline both create the bucket ${name}`);
  }
  for (const logging of consumer.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging')) {
    const source = String(logging.inputs.bucket);
    if (logging.inputs.targetBucket !== target) problems.push(`${source} logs to ${String(logging.inputs.targetBucket)}, not the baseline's ${target}`);
    if (!patterns.some((pattern) => pattern.test(`arn:aws:s3:::${source}`))) problems.push(`the access-logs bucket policy does not admit ${source}`);
    const region = regionOf(consumer, logging);
    if (region !== baseline.outputs.region) problems.push(`${source} is in ${region}, the access-logs bucket in ${String(baseline.outputs.region)}`);
  }
  return problems;
}
