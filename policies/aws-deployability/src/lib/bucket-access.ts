/**
 * Checking a bucket's policies against the requests a delivery service makes (CloudTrail, Config, log delivery):
 * every bucket policy of the bucket is evaluated together, as S3 does, by `@bulwark/aws-model`'s request evaluator.
 */
import type { PolicyResource } from '@pulumi/policy';
import { describeRequest, evaluatePolicies, UNDECIDED, type PolicyRequest } from '@bulwark/aws-model';
import { bucketPolicies } from './buckets';
import { type StackGraph } from './stack-graph';

/** The requests the bucket's policies refuse, and whether any could not be decided in this mode. */
export function checkBucketAccess(graph: StackGraph, bucket: PolicyResource, requests: readonly PolicyRequest[]): { refused: PolicyRequest[]; undecided: boolean } {
  const documents = bucketPolicies(graph, bucket).map(({ document }) => document);
  const refused: PolicyRequest[] = [];
  let open = false;
  for (const request of requests) {
    const verdict = evaluatePolicies(documents, request);
    if (verdict === UNDECIDED) open = true;
    else if (verdict !== 'allowed') refused.push(request);
  }
  return { refused, undecided: open };
}

/** The refused requests for a message. */
export function describeRequests(requests: readonly PolicyRequest[]): string {
  return requests.map(describeRequest).join('; ');
}
