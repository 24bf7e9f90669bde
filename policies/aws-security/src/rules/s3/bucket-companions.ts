/**
 * Buckets and the companion resources that configure them (public access block, policy, encryption, versioning,
 * logging). In pulumi-aws v7 these settings live in separate resources linked by their `bucket` input; the
 * deprecated inline inputs of `Bucket`/`BucketV2` still work, so the S3 stack rules accept both.
 *
 * Verdict on a companion whose `bucket` is unknown and carries no property dependency, or only on a component
 * holding several buckets (`isUnlinkedUnknown`: a name from a stack reference or another computed value; a
 * dependency on a component holding one bucket, as `awsx.cloudtrail.Trail` does, links to it): it cannot be tied to a bucket in preview, yet in an
 * update it may name any of them. So buckets lacking a linked companion are not blamed one by one while such
 * companions could cover them; if there are more such buckets than unlinked companions, at least one is surely
 * uncovered but we cannot tell which, and the rule reports one stack-wide finding listing them. When there are no
 * more such buckets than unlinked companions, each unlinked companion is reported undecided on its `bucket`.
 */
import type { PolicyResource } from '@pulumi/policy';
import {
  linkIndex,
  type LinkIndex,
  rawProps,
  type Report,
  type ReportUndecided,
  reportUncovered,
  resourcesOfType,
  type UncoveredTarget,
} from '@bulwark/policy-kit';

/** The bucket types, current and deprecated. */
export const BUCKET_TYPES: readonly string[] = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'];

/** The type of the resource that holds a bucket policy (the deprecated inline `policy` input aside). */
export const BUCKET_POLICY_TYPE = 'aws:s3/bucketPolicy:BucketPolicy';

/** The properties that name a bucket, for linking by value when no dependency was recorded. */
export const BUCKET_IDENTIFIER_PROPERTIES: readonly string[] = ['bucket', 'id', 'arn'];

/** Indexes the companions of `types` by the bucket their `property` (default `bucket`) refers to. */
export function bucketCompanions(resources: readonly PolicyResource[], types: readonly string[], property = 'bucket'): LinkIndex {
  return linkIndex(resources, types, property, BUCKET_TYPES, BUCKET_IDENTIFIER_PROPERTIES);
}

/**
 * Reports the buckets that have no (compliant) configuration: each one by its URN, unless unlinked companions
 * could cover them (see the module comment), in which case a stack-wide finding is reported only when there
 * are more such buckets than companions.
 */
export function reportUncoveredBuckets(
  report: Report,
  uncovered: readonly UncoveredTarget[],
  unlinked: readonly PolicyResource[],
  what: string,
  undecided: ReportUndecided,
): void {
  reportUncovered(
    report,
    uncovered,
    unlinked,
    () =>
      `${uncovered.length} buckets (${uncovered.map(({ target }) => target.name).join(', ')}) have no ${what}, and only ` +
      `${unlinked.length} ${what} resource(s) (${unlinked.map((companion) => companion.name).join(', ')}) have a bucket ` +
      `that cannot be tied to them: at least ${uncovered.length - unlinked.length} bucket(s) are uncovered. Give each ` +
      `bucket its own ${what}, passing the bucket resource itself (bucket: bucket.id) so the link is visible.`,
    {
      undecided,
      property: 'bucket',
      detail: (targets) =>
        `its value decides which bucket this ${what} configures, and ${targets.map(({ target }) => target.name).join(', ')} ` +
        `${targets.length === 1 ? 'has' : 'have'} no other (pass the bucket resource itself, bucket: bucket.id, so the link is visible)`,
    },
  );
}

/** What a bucket setting (encryption, versioning...) amounts to, read from a companion or the inline inputs. */
export type SettingVerdict =
  | { readonly kind: 'compliant' }
  /** Depends on a value unknown in preview: neither pass nor fail is decidable; `property` is its path. */
  | { readonly kind: 'undecided'; readonly property: string }
  /** A known bad value; `problem` names the property and the value. */
  | { readonly kind: 'violation'; readonly problem: string }
  /** The setting is not configured here at all. */
  | { readonly kind: 'absent' };

/** How one bucket setting is read from its companion resources and from the inline bucket inputs. */
export interface BucketSettingCheck {
  readonly companionTypes: readonly string[];
  /** The companion's name in messages (`BucketVersioning`). */
  readonly what: string;
  /**
   * A companion's own verdict; `absent` is not used for companions (a companion with nothing set is a violation).
   * `buckets` are the buckets it configures, as far as the stack tells (none when its `bucket` cannot be tied).
   */
  readonly companionVerdict: (props: Record<string, unknown>, buckets: readonly PolicyResource[], companion: PolicyResource) => SettingVerdict;
  /** The legacy inline inputs of `bucket`; `type` is its type token (Bucket and BucketV2 shapes differ). */
  readonly inlineVerdict: (props: Record<string, unknown>, type: string, bucket: PolicyResource) => SettingVerdict;
  /** The message for a bucket with no configuration at all. */
  readonly missing: (bucketName: string) => string;
  /** What an unknown value decides, for undecided findings (`whether the bucket is versioned`). */
  readonly decides: string;
}

/**
 * Checks one bucket setting across the stack: every companion with a known bad value is reported on itself, and
 * one whose verdict hangs on an unknown value is reported undecided; a bucket with no linked companion is judged on
 * its inline inputs, and reported (see `reportUncoveredBuckets`) when they are bad or absent, undecided when they
 * are unknown. A linked companion takes precedence over inline inputs, as it does in AWS once applied.
 */
export function checkBucketSetting(resources: readonly PolicyResource[], report: Report, undecided: ReportUndecided, check: BucketSettingCheck): void {
  const companions = bucketCompanions(resources, check.companionTypes);
  const detail = `its value decides ${check.decides}`;
  for (const companion of resourcesOfType(resources, check.companionTypes)) {
    const verdict = check.companionVerdict(rawProps(companion.props), companions.targetsOf(companion), companion);
    if (verdict.kind === 'violation') report(`${check.what} ${companion.name}: ${verdict.problem}`, companion.urn);
    else if (verdict.kind === 'undecided') undecided(verdict.property, detail, companion.urn);
  }
  const uncovered: UncoveredTarget[] = [];
  for (const bucket of resourcesOfType(resources, BUCKET_TYPES)) {
    if (companions.linkedTo(bucket).length > 0) continue;
    const verdict = check.inlineVerdict(rawProps(bucket.props), bucket.type, bucket);
    if (verdict.kind === 'violation') uncovered.push({ target: bucket, message: `Bucket ${bucket.name}: ${verdict.problem}` });
    else if (verdict.kind === 'absent') uncovered.push({ target: bucket, message: `Bucket ${bucket.name}: ${check.missing(bucket.name)}` });
    else if (verdict.kind === 'undecided') undecided(verdict.property, detail, bucket.urn);
  }
  reportUncoveredBuckets(report, uncovered, companions.unlinked, check.what, undecided);
}
