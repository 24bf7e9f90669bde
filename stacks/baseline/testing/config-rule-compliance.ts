import { type ProgramResult, type ResourceRecord } from '@bulwark/offline';

function configRule(baseline: ProgramResult, sourceIdentifier: string): ResourceRecord | undefined {
  return baseline.resources.find(
    (resource) => resource.type === 'aws:cfg/rule:Rule' && (resource.inputs.source as Record<string, unknown>).sourceIdentifier === sourceIdentifier,
  );
}

function parameters(rule: ResourceRecord): Record<string, string> {
  return rule.inputs.inputParameters === undefined ? {} : (JSON.parse(String(rule.inputs.inputParameters)) as Record<string, string>);
}

/**
 * What the baseline's managed Config rules that look at other stacks' resources would report NON_COMPLIANT (or
 * silently leave out) among a consumer stack's resources, as the rules' AWS pages describe them:
 * `s3-bucket-logging-enabled` (scoped by tag: a bucket outside the scope is reported too, since every consumer bucket
 * must log), `cloudtrail-s3-dataevents-enabled` (its S3BucketNames must name every consumer bucket) and
 * `rds-multi-az-support` (where deployed). Both runs are update runs of one environment. Empty when compliant.
 */
export function configRuleProblems(baseline: ProgramResult, consumer: ProgramResult): string[] {
  const problems: string[] = [];
  const buckets = consumer.resources.filter((resource) => resource.type === 'aws:s3/bucket:Bucket');
  const loggings = consumer.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging');

  const logging = configRule(baseline, 'S3_BUCKET_LOGGING_ENABLED');
  if (logging === undefined) problems.push('the baseline deploys no s3-bucket-logging-enabled rule');
  const scope = logging?.inputs.scope as { tagKey?: string; tagValue?: string } | undefined;
  const targetBucket = logging === undefined ? undefined : parameters(logging).targetBucket;
  const dataEvents = configRule(baseline, 'CLOUDTRAIL_S3_DATAEVENTS_ENABLED');
  const dataEventBuckets = dataEvents === undefined ? [] : (parameters(dataEvents).S3BucketNames ?? '').split(',');
  for (const bucket of buckets) {
    const name = String(bucket.inputs.bucket);
    const tags = (bucket.inputs.tags ?? {}) as Record<string, string>;
    if (scope?.tagKey !== undefined && tags[scope.tagKey] !== scope.tagValue) problems.push(`s3-bucket-logging-enabled does not evaluate ${name} (not tagged ${scope.tagKey}=${scope.tagValue})`);
    const bucketLogging = loggings.find((candidate) => String(candidate.inputs.bucket) === name);
    if (bucketLogging === undefined) problems.push(`s3-bucket-logging-enabled: ${name} has no server access logging`);
    else if (targetBucket !== undefined && bucketLogging.inputs.targetBucket !== targetBucket) {
      problems.push(`s3-bucket-logging-enabled: ${name} logs to ${String(bucketLogging.inputs.targetBucket)}, the rule expects ${targetBucket}`);
    }
    if (dataEvents !== undefined && !dataEventBuckets.includes(name)) problems.push(`cloudtrail-s3-dataevents-enabled does not name ${name} in S3BucketNames`);
  }
  if (configRule(baseline, 'RDS_MULTI_AZ_SUPPORT') !== undefined) {
    for (const instance of consumer.resources.filter((resource) => resource.type === 'aws:rds/instance:Instance')) {
      if (instance.inputs.multiAz !== true) problems.push(`rds-multi-az-support: ${String(instance.inputs.identifier)} is not Multi-AZ`);
    }
  }
  return problems;
}
