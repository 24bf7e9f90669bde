/**
 * Every bucket has versioning `Enabled`, through a BucketVersioning resource (either token family) or the
 * legacy inline `versioning` / `versionings` input. Versioning keeps overwritten and deleted objects
 * recoverable after mistakes and ransomware.
 */
import { blockValue, boolValue, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_TYPES, checkBucketSetting, type SettingVerdict } from './bucket-companions';

const VERSIONING_TYPES = ['aws:s3/bucketVersioning:BucketVersioning', 'aws:s3/bucketVersioningV2:BucketVersioningV2'];

function companionVerdict(props: Record<string, unknown>): SettingVerdict {
  const configuration = blockValue(props['versioningConfiguration']);
  if (configuration === UNDECIDED) return { kind: 'undecided', property: 'versioningConfiguration' };
  const status = stringValue(configuration?.['status']);
  if (status === UNDECIDED) return { kind: 'undecided', property: 'versioningConfiguration.status' };
  if (status === 'Enabled') return { kind: 'compliant' };
  return {
    kind: 'violation',
    problem: `\`versioningConfiguration.status\` is ${status === undefined ? 'unset' : `"${status}"`}: set it to "Enabled".`,
  };
}

function inlineVerdict(props: Record<string, unknown>, type: string): SettingVerdict {
  // Bucket (v7) takes one `versioning` block; the deprecated BucketV2 a `versionings` list of one.
  const property = type === 'aws:s3/bucketV2:BucketV2' ? 'versionings' : 'versioning';
  const block = blockValue(props[property]);
  if (block === UNDECIDED) return { kind: 'undecided', property };
  if (block === undefined) return { kind: 'absent' };
  const enabled = boolValue(block['enabled']);
  if (enabled === UNDECIDED) return { kind: 'undecided', property: `${property}.enabled` };
  if (enabled === true) return { kind: 'compliant' };
  return { kind: 'violation', problem: `\`${property}.enabled\` is ${enabled === false ? 'false' : 'unset'}: set it to true, or add an aws.s3.BucketVersioning with status "Enabled".` };
}

export const s3BucketVersioning = stackRule({
  metadata: {
    id: 's3-bucket-versioning',
    title: 'S3 buckets have versioning enabled',
    description:
      'Every S3 bucket must have versioning Enabled (a BucketVersioning resource with versioningConfiguration.status ' +
      '"Enabled", or the legacy inline versioning input), so that overwritten or deleted objects can be recovered.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.14'] },
    resourceTypes: [...BUCKET_TYPES, ...VERSIONING_TYPES],
    remediation:
      'Add an aws.s3.BucketVersioning with `bucket: bucket.id` and `versioningConfiguration: { status: "Enabled" }` ' +
      'for each bucket (the core SecureBucket component does this).',
    decisions: [
      'A BucketVersioning linked to the bucket (by property dependency, or its known name or ARN) takes precedence over ' +
        'the inline `versioning`/`versionings` input, as it does in AWS once applied; "Suspended" or no status violates.',
      'Unknown values (first preview): an unknown configuration, status or inline block is reported undecided on the ' +
        'resource holding it; a BucketVersioning whose `bucket` cannot be tied to any bucket leaves the buckets it may ' +
        'cover undecided (one stack-wide violation instead when more buckets lack one than such companions exist).',
    ],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
  },
  check: ({ args, report, undecided }) => {
    checkBucketSetting(args.resources, report, undecided, {
      companionTypes: VERSIONING_TYPES,
      what: 'BucketVersioning',
      decides: 'whether the bucket keeps overwritten and deleted objects recoverable',
      companionVerdict,
      inlineVerdict,
      missing: () => 'versioning is not enabled: add an aws.s3.BucketVersioning for it with versioningConfiguration.status "Enabled".',
    });
  },
});

