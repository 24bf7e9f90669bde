/**
 * Every bucket has a bucket policy that explicitly Denies `s3:*` to everyone when `aws:SecureTransport` is false,
 * on both the bucket and its objects (`arn:aws:s3:::name` and `arn:aws:s3:::name/*`). Without it S3 accepts
 * plain-HTTP requests, exposing data and credentials in transit.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, resourcesOfType, stackRule, stringValue, type UncoveredTarget, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import { coversAction, coversResource, hasBoolCondition, isPublicPrincipal, parsePolicyDocument, type PolicyStatement } from '@bulwark/aws-model';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, bucketCompanions, reportUncoveredBuckets } from './bucket-companions';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

/** Whether some pattern of the statement covers the ARN in any partition. */
function coversInAnyPartition(statement: PolicyStatement, arnAfterPartition: string): boolean | Undecided {
  const results = PARTITIONS.map((partition) => coversResource(statement, `arn:${partition}:${arnAfterPartition}`));
  if (results.includes(true)) return true;
  return results.includes(UNDECIDED) ? UNDECIDED : false;
}

/** A statement part (`Effect`, `Principal`...), or `bucket` when the bucket's own name is what is unknown. */
type UndecidedPart = 'Effect' | 'Condition' | 'Principal' | 'Action' | 'Resource' | 'bucket';

/** True when the condition block could hold the TLS test once known: unknown, or a SecureTransport test of unknown value. */
function secureTransportUnknown(statement: PolicyStatement): boolean {
  return (
    statement.conditionUnknown ||
    statement.conditions.some((condition) => condition.key === 'aws:securetransport' && condition.baseOperator === 'bool' && condition.values.hasUnknown)
  );
}

/**
 * Whether the statement is the TLS-only deny for `bucketName`: true, false, or the first part whose unknown value
 * leaves it open (an entry computed in preview). When the bucket's name itself is not known only a `*` resource can
 * be judged; anything else hangs on the name (`bucket`).
 */
function isTlsOnlyDeny(statement: PolicyStatement, bucketName: string | undefined): boolean | UndecidedPart {
  const effect: boolean | UndecidedPart = statement.effect === UNDECIDED ? 'Effect' : statement.effect === 'Deny';
  const transport: boolean | UndecidedPart = hasBoolCondition(statement, 'aws:SecureTransport', false) ? true : secureTransportUnknown(statement) ? 'Condition' : false;
  const principalPublic = isPublicPrincipal(statement);
  const principal: boolean | UndecidedPart = principalPublic === UNDECIDED ? 'Principal' : principalPublic;
  // Literally `s3:*` as a value: only `*`, `s3:*` (and equivalents) match it.
  const covered = statement.action ? coversAction(statement, 's3:*') : false;
  const actions: boolean | UndecidedPart = covered === UNDECIDED ? 'Action' : covered;
  let resources: boolean | UndecidedPart;
  if (bucketName === undefined) {
    resources = statement.resource?.known.some((pattern) => pattern.trim() === '*') ? true : statement.resource || statement.notResource ? 'bucket' : false;
  } else {
    const bucket = coversInAnyPartition(statement, `s3:::${bucketName}`);
    const objects = coversInAnyPartition(statement, `s3:::${bucketName}/*`);
    resources = bucket === false || objects === false ? false : bucket === true && objects === true ? true : 'Resource';
  }
  const parts = [effect, transport, principal, actions, resources];
  if (parts.includes(false)) return false;
  return parts.find((part): part is UndecidedPart => typeof part === 'string') ?? true;
}

/** Where an unknown value leaves a bucket's TLS verdict open: the resource holding it and the property path. */
interface UndecidedLocation {
  readonly holder: PolicyResource;
  readonly property: string;
}

/** The bucket's verdict over all its policy documents (inline and BucketPolicy resources). */
function tlsVerdict(
  bucket: PolicyResource,
  policies: readonly PolicyResource[],
): { readonly kind: 'compliant' | 'missing' } | { readonly kind: 'undecided'; readonly at: readonly UndecidedLocation[] } {
  const bucketProps = rawProps(bucket.props);
  const name = stringValue(bucketProps['bucket']);
  const bucketName = typeof name === 'string' && name !== '' ? name : undefined;
  const holders = [bucket, ...policies];
  const at: UndecidedLocation[] = [];
  for (const holder of holders) {
    const parsed = parsePolicyDocument(rawProps(holder.props)['policy']);
    if (parsed.kind === 'unknown') at.push({ holder, property: 'policy' });
    if (parsed.kind !== 'document') continue;
    if (parsed.document.statementsUnknown) at.push({ holder, property: 'policy.Statement' });
    for (const statement of parsed.document.statements) {
      const verdict = isTlsOnlyDeny(statement, bucketName);
      if (verdict === true) return { kind: 'compliant' };
      if (verdict === 'bucket') at.push({ holder: bucket, property: 'bucket' });
      else if (verdict !== false) at.push({ holder, property: `policy.Statement[${statement.index}].${verdict}` });
    }
  }
  return at.length > 0 ? { kind: 'undecided', at } : { kind: 'missing' };
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
    decisions: [
      'The statement must Deny to everyone (Principal "*" or {"AWS": "*"}), cover the literal action `s3:*` (`*` and ' +
        '`s3:*` do), cover both `arn:<partition>:s3:::<bucket>` and `.../<bucket>/*` in any partition (or Resource "*"), ' +
        'and test `aws:SecureTransport` false with Bool or BoolIfExists. Any policy of the bucket may hold it: the inline ' +
        '`policy` or a BucketPolicy linked by property dependency or the bucket\'s known name or ARN.',
      'A bucket with a policy that lacks the statement is reported on the bucket; a bucket with no policy at all follows ' +
        'the S3 rules\' rule for companions whose `bucket` cannot be tied (stack-wide, or undecided on that companion).',
      'Unknown values (first preview): when no statement decidedly is the deny, every unknown that could make one (the ' +
        'document, the statement list, a statement\'s Effect, Condition, Principal, Action or Resource, or the bucket\'s ' +
        'name) is reported undecided on the resource holding it. A policy built from `bucket.arn` is unknown JSON in a ' +
        'first preview; passing the document as an object (not a JSON string) keeps its known parts visible.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit'],
  },
  check: ({ args, report, undecided }) => {
    const policies = bucketCompanions(args.resources, [BUCKET_POLICY_TYPE]);
    // A bucket with a policy that lacks the statement is decided; only policy-less ones could be covered elsewhere.
    const policyless: UncoveredTarget[] = [];
    for (const bucket of resourcesOfType(args.resources, BUCKET_TYPES)) {
      const linked = policies.linkedTo(bucket);
      const verdict = tlsVerdict(bucket, linked);
      if (verdict.kind === 'compliant') continue;
      if (verdict.kind === 'undecided') {
        const detail = `its value decides whether bucket ${bucket.name} refuses requests not made over TLS`;
        for (const { holder, property } of verdict.at) undecided(property, detail, holder.urn);
        continue;
      }
      const hasPolicy = linked.length > 0 || Boolean(rawProps(bucket.props)['policy']);
      const message =
        `Bucket ${bucket.name} ${hasPolicy ? 'has no bucket policy statement' : 'has no bucket policy'} ` +
        'that Denies s3:* to Principal "*" when aws:SecureTransport is false on the bucket and bucket/*: add that ' +
        'statement to its BucketPolicy.';
      if (hasPolicy) report(message, bucket.urn);
      else policyless.push({ target: bucket, message });
    }
    reportUncoveredBuckets(report, policyless, policies.unlinked, 'BucketPolicy', undecided);
  },
});
