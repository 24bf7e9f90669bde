/**
 * Checking a bucket's policies against the requests a delivery service makes (CloudTrail, Config, log delivery):
 * every bucket policy of the bucket is evaluated together, as S3 does, by `@bulwark/aws-model`'s request evaluator.
 */
import type { PolicyResource } from '@pulumi/policy';
import { describeRequest, evaluateParsedPolicies, UNDECIDED, type PolicyRequest, type RequestContext } from '@bulwark/aws-model';
import { bucketArn, bucketPolicies } from './buckets';
import { type StackGraph } from './stack-graph';

/** The requests the bucket's policies refuse, and whether any could not be decided in this mode. */
export function checkBucketAccess(graph: StackGraph, bucket: PolicyResource, requests: readonly PolicyRequest[]): { refused: PolicyRequest[]; undecided: boolean } {
  const documents = bucketPolicies(graph, bucket).map(({ document }) => graph.parsedPolicy(document));
  const refused: PolicyRequest[] = [];
  let open = false;
  for (const request of requests) {
    const verdict = evaluateParsedPolicies(documents, request);
    if (verdict === UNDECIDED) open = true;
    else if (verdict !== 'allowed') refused.push(request);
  }
  return { refused, undecided: open };
}

/** The refused requests for a message. */
export function describeRequests(requests: readonly PolicyRequest[]): string {
  return requests.map(describeRequest).join('; ');
}

/** What a service delivering log files into a bucket sends (see {@link logDeliveryRequests}). */
export interface LogDelivery {
  /** The service principal, e.g. `cloudtrail.amazonaws.com`. */
  readonly service: string;
  readonly bucketArn: string;
  /** The key prefix the resource sets, if any (a trailing `/` is dropped, as the services do). */
  readonly prefix: string | undefined;
  /** An example object key under the prefix, as the service writes it (`AWSLogs/<account>/...`). */
  readonly key: string;
  /** The condition keys the service's requests carry besides `aws:SecureTransport`. */
  readonly context: RequestContext;
}

/**
 * The requests a service makes to deliver log files into a bucket (CloudTrail, Config): `s3:GetBucketAcl` on the
 * bucket, and `s3:PutObject` of a key under the prefix with the `bucket-owner-full-control` ACL, over TLS.
 */
export function logDeliveryRequests({ service, bucketArn, prefix, key, context }: LogDelivery): PolicyRequest[] {
  const principal = { kind: 'service', service } as const;
  const secure = { ...context, 'aws:SecureTransport': 'true' };
  const objectKey = `${prefix ? `${prefix.replace(/\/+$/, '')}/` : ''}${key}`;
  return [
    { principal, action: 's3:GetBucketAcl', resource: bucketArn, context: secure },
    { principal, action: 's3:PutObject', resource: `${bucketArn}/${objectKey}`, context: { ...secure, 's3:x-amz-acl': 'bucket-owner-full-control' } },
  ];
}

/**
 * How `bucket`'s policies answer a service delivering log files into it: the requests they refuse, why the verdict
 * waits for apply (the bucket's name, hence the ARN its policy must allow, or a policy, is unknown in this mode), or
 * undefined when every request is allowed.
 */
export function logDeliveryVerdict(
  graph: StackGraph,
  bucket: PolicyResource,
  partition: string,
  delivery: Omit<LogDelivery, 'bucketArn'>,
): { readonly refused: PolicyRequest[] } | { readonly undecided: string } | undefined {
  const arn = bucketArn(bucket, partition);
  if (typeof arn !== 'string') {
    return { undecided: `the name of bucket ${bucket.name} is not known in this mode, so the ARN its policy must allow cannot be built` };
  }
  const result = checkBucketAccess(graph, bucket, logDeliveryRequests({ ...delivery, bucketArn: arn }));
  if (result.refused.length > 0) return { refused: result.refused };
  return result.undecided ? { undecided: `the policy of bucket ${bucket.name} is not known in this mode` } : undefined;
}
