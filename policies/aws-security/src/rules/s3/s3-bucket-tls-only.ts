/**
 * Every bucket has a bucket policy that explicitly Denies `s3:*` to everyone when `aws:SecureTransport` is false,
 * on both the bucket and its objects (`arn:aws:s3:::name` and `arn:aws:s3:::name/*`). Without it S3 accepts
 * plain-HTTP requests, exposing data and credentials in transit.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, resourcesOfType, stackRule, stringValue, type UncoveredTarget, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import { coversAction, coversResource, deniesInsecureTransport, isPublicPrincipal, parsePolicyDocument, type PolicyStatement } from '@bulwark/aws-model';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, bucketCompanions, reportUncoveredBuckets } from './bucket-companions';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

/** Whether some pattern of the statement covers the ARN in any partition. */
function coversInAnyPartition(statement: PolicyStatement, arnAfterPartition: string): boolean | Undecided {
  const results = PARTITIONS.map((partition) => coversResource(statement, `arn:${partition}:${arnAfterPartition}`));
  if (results.includes(true)) return true;
  return results.includes(UNDECIDED) ? UNDECIDED : false;
}

/**
 * Whether the statement is the TLS-only deny for `bucketName`. An unknown part (an action or resource entry
 * computed in preview) makes it UNDECIDED; when the bucket's name itself is unknown only a `*` resource can be
 * judged, anything else is UNDECIDED.
 */
function isTlsOnlyDeny(statement: PolicyStatement, bucketName: string | undefined): boolean | Undecided {
  if (!deniesInsecureTransport(statement)) return false;
  const principal = isPublicPrincipal(statement);
  // Literally `s3:*` as a value: only `*`, `s3:*` (and equivalents) match it.
  const actions = statement.action ? coversAction(statement, 's3:*') : false;
  let resources: boolean | Undecided;
  if (bucketName === undefined) {
    resources = statement.resource?.known.some((pattern) => pattern.trim() === '*') ? true : statement.resource || statement.notResource ? UNDECIDED : false;
  } else {
    const bucket = coversInAnyPartition(statement, `s3:::${bucketName}`);
    const objects = coversInAnyPartition(statement, `s3:::${bucketName}/*`);
    resources = bucket === false || objects === false ? false : bucket === true && objects === true ? true : UNDECIDED;
  }
  const parts = [principal, actions, resources];
  if (parts.includes(false)) return false;
  return parts.every((part) => part === true) ? true : UNDECIDED;
}

/** The bucket's verdict over all its policy documents (inline and BucketPolicy resources). */
function tlsVerdict(bucket: PolicyResource, policies: readonly PolicyResource[]): 'compliant' | 'undecided' | 'missing' {
  const bucketProps = rawProps(bucket.props);
  const name = stringValue(bucketProps['bucket']);
  const bucketName = typeof name === 'string' && name !== '' ? name : undefined;
  const documents = [bucketProps['policy'], ...policies.map((policy) => rawProps(policy.props)['policy'])];
  let undecided = false;
  for (const input of documents) {
    const parsed = parsePolicyDocument(input);
    if (parsed.kind === 'unknown') undecided = true;
    if (parsed.kind !== 'document') continue;
    if (parsed.document.statementsUnknown) undecided = true;
    for (const statement of parsed.document.statements) {
      const verdict = isTlsOnlyDeny(statement, bucketName);
      if (verdict === true) return 'compliant';
      if (verdict === UNDECIDED) undecided = true;
    }
  }
  return undecided ? 'undecided' : 'missing';
}

export const s3BucketTlsOnly = stackRule({
  metadata: {
    id: 's3-bucket-tls-only',
    title: 'S3 buckets deny requests not made over TLS',
    description:
      'Every S3 bucket must have a bucket policy with an explicit Deny of s3:* for Principal "*" when ' +
      'aws:SecureTransport is false (Bool or BoolIfExists), covering the bucket ARN and bucket/*. Without it the ' +
      'bucket accepts plain-HTTP requests.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.5'], cis: ['2.1.1'] },
    resourceTypes: [...BUCKET_TYPES, BUCKET_POLICY_TYPE],
    remediation:
      'Add an aws.s3.BucketPolicy with `bucket: bucket.id` and a statement { Effect: "Deny", Principal: "*", ' +
      'Action: "s3:*", Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
  },
  check: ({ args, report }) => {
    const policies = bucketCompanions(args.resources, [BUCKET_POLICY_TYPE]);
    // A bucket with a policy that lacks the statement is decided; only policy-less ones could be covered elsewhere.
    const policyless: UncoveredTarget[] = [];
    for (const bucket of resourcesOfType(args.resources, BUCKET_TYPES)) {
      const linked = policies.linkedTo(bucket);
      // Unknown documents (a policy built from bucket.arn in preview) are not judged: see policy-document.ts.
      if (tlsVerdict(bucket, linked) !== 'missing') continue;
      const hasPolicy = linked.length > 0 || Boolean(rawProps(bucket.props)['policy']);
      const message =
        `Bucket ${bucket.name} ${hasPolicy ? 'has no bucket policy statement' : 'has no bucket policy'} ` +
        'that Denies s3:* to Principal "*" when aws:SecureTransport is false on the bucket and bucket/*: add that ' +
        'statement to its BucketPolicy.';
      if (hasPolicy) report(message, bucket.urn);
      else policyless.push({ target: bucket, message });
    }
    reportUncoveredBuckets(report, policyless, policies.unlinked, 'BucketPolicy');
  },
});
