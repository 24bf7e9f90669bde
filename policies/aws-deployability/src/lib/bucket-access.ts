/**
 * Checking a bucket's policies against the requests a delivery service makes (CloudTrail, Config, log delivery):
 * every bucket policy of the bucket is evaluated together, as S3 does.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown, UNDECIDED } from '@bulwark/policy-kit';
import { bucketPolicies } from './buckets';
import { describeRequest, evaluatePolicy, type PolicyRequest } from './policy-evaluation';
import { type StackGraph } from './stack-graph';

/** The requests the bucket's policies refuse, and whether any could not be decided in this mode. */
export function checkBucketAccess(graph: StackGraph, bucket: PolicyResource, requests: readonly PolicyRequest[]): { refused: PolicyRequest[]; undecided: boolean } {
  const documents = bucketPolicies(graph, bucket).map(({ document }) => document);
  if (documents.some((document) => isUnknown(document))) return { refused: [], undecided: true };
  const statements = documents.flatMap((document) => {
    const parsed = typeof document === 'string' ? safeParse(document) : document;
    const list = (parsed as { Statement?: unknown } | undefined)?.Statement;
    return Array.isArray(list) ? list : list ? [list] : [];
  });
  const combined = { Version: '2012-10-17', Statement: statements };
  const refused: PolicyRequest[] = [];
  let open = false;
  for (const request of requests) {
    const verdict = evaluatePolicy(combined, request);
    if (verdict === UNDECIDED) open = true;
    else if (verdict !== 'allowed') refused.push(request);
  }
  return { refused, undecided: open };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The refused requests for a message. */
export function describeRequests(requests: readonly PolicyRequest[]): string {
  return requests.map(describeRequest).join('; ');
}
