import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { type BucketReference } from './bucket-reference';
import { type ConfigIssue, StackConfigError } from './config/stack-config-error';
import { type TypedStackReference } from './typed-stack-reference';

/** AWS's page stating that S3 server access logs go only to a bucket of the same account and region. */
export const SERVER_ACCESS_LOGGING_PAGE = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html';

/** Where another stack's log bucket lives, as that stack exports it (undefined while its outputs are unknown). */
export interface LogDestination {
  /** Who owns the bucket, for messages: `the baseline stack acme/baseline/prod`. */
  readonly owner: string;
  readonly accountId: string | undefined;
  readonly region: string | undefined;
}

/** Where this stack's buckets are: the account it deploys into (caller identity) and its region. */
export interface LogSource {
  readonly accountId: string;
  readonly region: string;
  /** The stack's `aws:allowedAccountIds`, shown in the message as the key to change. */
  readonly allowedAccountIds: readonly string[];
}

/**
 * The config problems that stop this stack's buckets from sending S3 server access logs to another stack's log
 * bucket: S3 delivers them only to a bucket in the same account and region as the source bucket, and otherwise
 * silently delivers nothing (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 * Values the destination's outputs do not know yet (a preview against a stack that was never deployed) are
 * checked in the update. Report them as a `StackConfigError` before creating anything.
 * @example
 * const issues = logDestinationIssues(
 *   { owner: `the baseline stack ${baseline.stackName}`, accountId: await baseline.value('accountId'), region: await baseline.value('region') },
 *   { accountId: (await aws.getCallerIdentity({}, { provider })).accountId, region: config.region, allowedAccountIds: config.allowedAccountIds },
 * );
 * if (issues.length > 0) throw new StackConfigError(issues);
 */
export function logDestinationIssues(destination: LogDestination, source: LogSource): ConfigIssue[] {
  const why = `S3 delivers server access logs only between buckets of one account and region (${SERVER_ACCESS_LOGGING_PAGE}); deploy this stack where ${destination.owner} is, or give it a log bucket there`;
  const issues: ConfigIssue[] = [];
  if (destination.region !== undefined && destination.region !== source.region) {
    issues.push({ key: 'aws:region', value: source.region, expected: `the region of ${destination.owner} ("${destination.region}"): ${why}` });
  }
  if (destination.accountId !== undefined && destination.accountId !== source.accountId) {
    issues.push({
      key: 'aws:allowedAccountIds',
      value: [...source.allowedAccountIds],
      expected: `the account of ${destination.owner} ("${destination.accountId}"), which this stack's credentials are not in ("${source.accountId}"): ${why}`,
    });
  }
  return issues;
}

/** What a stack that hosts a central S3 access-logs bucket exports for the stacks that log into it. */
export interface CentralAccessLogsOutputs {
  readonly accountId: string;
  readonly region: string;
  readonly accessLogsBucketName: string;
}

/** The stack that sends its logs: its region and allowed accounts (a stack config), and the options its resources use. */
export interface CentralAccessLogsSource {
  readonly config: { readonly region: string; readonly allowedAccountIds: readonly string[] };
  readonly opts: pulumi.InvokeOptions;
}

/**
 * Another stack's central access-logs bucket as a {@link BucketReference} for `SecureBucket`'s `logsBucket`, after
 * checking, before anything is created, that this stack deploys into that stack's account and region (see
 * {@link logDestinationIssues}); a mismatch throws a `StackConfigError` naming the config key to change.
 * @example
 * const baseline = referenceStack<BaselineOutputs>('baseline', { organization, project: 'baseline', environment });
 * const accessLogs = await centralAccessLogs(baseline, { config, opts: { provider } });
 * new SecureBucket('data', { kmsKeyArn: key.arn, logsBucket: accessLogs, bucketName }, { provider });
 */
export async function centralAccessLogs(
  host: TypedStackReference<CentralAccessLogsOutputs>,
  source: CentralAccessLogsSource,
): Promise<BucketReference> {
  const [accountId, region, identity] = await Promise.all([
    host.value('accountId'),
    host.value('region'),
    aws.getCallerIdentity({}, source.opts),
  ]);
  const issues = logDestinationIssues(
    { owner: `the ${host.logicalName} stack ${host.stackName}`, accountId, region },
    { accountId: identity.accountId, region: source.config.region, allowedAccountIds: source.config.allowedAccountIds },
  );
  if (issues.length > 0) throw new StackConfigError(issues);
  return { bucketName: host.output('accessLogsBucketName') };
}
