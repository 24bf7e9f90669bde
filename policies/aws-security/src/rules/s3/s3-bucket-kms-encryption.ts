/**
 * Every bucket's default encryption is SSE-KMS (`aws:kms`, or dual-layer `aws:kms:dsse`) with a customer managed
 * key (`kmsMasterKeyId`). SSE-S3 (`AES256`) or the AWS managed key cannot be scoped by key policy or audited per
 * key, and cannot be revoked.
 *
 * The exception is a bucket the stack names as a server access log `targetBucket`: S3 server access log delivery
 * supports only SSE-S3 default encryption on the destination bucket
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html), so such a bucket must
 * use `AES256`; SSE-KMS there is a violation (logs are silently not delivered). With no configuration at all, S3
 * encrypts new objects with SSE-S3 by default, which is what a log target needs.
 */
import { blockValue, isStringSet, listValue, pathValue, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import type { PolicyResource } from '@pulumi/policy';
import { BUCKET_TYPES, checkBucketSetting, type SettingVerdict } from './bucket-companions';
import { serverAccessLogTargets } from './server-access-log-destinations';

const ENCRYPTION_TYPES = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];
const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

const SSE_S3 = 'AES256';

/** How a bucket must be encrypted: SSE-KMS with a customer managed key, or SSE-S3 for a server access log target. */
type Requirement = 'customer-managed-key' | 'log-target';

/** Judges one `applyServerSideEncryptionByDefault` block; `where` names it in messages. */
function defaultEncryptionVerdict(block: unknown, where: string, requirement: Requirement): SettingVerdict {
  const settings = blockValue(block);
  if (settings === UNDECIDED) return { kind: 'undecided' };
  if (settings === undefined) return { kind: 'absent' };
  const algorithm = stringValue(settings['sseAlgorithm']);
  if (algorithm === UNDECIDED) return { kind: 'undecided' };
  if (requirement === 'log-target') {
    if (algorithm === SSE_S3) return { kind: 'compliant' };
    return {
      kind: 'violation',
      problem:
        `\`${where}.sseAlgorithm\` is ${algorithm === undefined ? 'unset' : `"${algorithm}"`}, but the bucket is a server access log ` +
        'target (another bucket\'s `targetBucket`), and S3 server access logging delivers only to buckets whose default ' +
        'encryption is SSE-S3: set sseAlgorithm "AES256" (without kmsMasterKeyId), or the logs are never written.',
    };
  }
  if (algorithm === undefined || !KMS_ALGORITHMS.includes(algorithm)) {
    return {
      kind: 'violation',
      problem: `\`${where}.sseAlgorithm\` is ${algorithm === undefined ? 'unset' : `"${algorithm}"`}: use "aws:kms" (or "aws:kms:dsse") with a customer managed kmsMasterKeyId.`,
    };
  }
  // An unknown key id is a computed key ARN (`key.arn`): a customer managed key once known.
  if (isStringSet(settings['kmsMasterKeyId'])) return { kind: 'compliant' };
  return {
    kind: 'violation',
    problem: `\`${where}.kmsMasterKeyId\` is unset, so "${algorithm}" uses the AWS managed key: set it to a customer managed KMS key ARN.`,
  };
}

/** The best verdict among several rules: any compliant rule wins, then undecided, then the first violation. */
function combine(verdicts: readonly SettingVerdict[], whenNone: SettingVerdict): SettingVerdict {
  return (
    verdicts.find((verdict) => verdict.kind === 'compliant') ??
    verdicts.find((verdict) => verdict.kind === 'undecided') ??
    verdicts.find((verdict) => verdict.kind === 'violation') ??
    whenNone
  );
}

function companionVerdict(props: Record<string, unknown>, requirement: Requirement): SettingVerdict {
  const rules = listValue(props['rules']);
  if (rules === UNDECIDED) return { kind: 'undecided' };
  const verdicts = rules.map((rule, index) =>
    defaultEncryptionVerdict(pathValue(rule, ['applyServerSideEncryptionByDefault']), `rules[${index}].applyServerSideEncryptionByDefault`, requirement),
  );
  const expected = requirement === 'log-target' ? 'sseAlgorithm "AES256"' : 'sseAlgorithm "aws:kms" and a kmsMasterKeyId';
  return combine(verdicts, { kind: 'violation', problem: `\`rules\` has no applyServerSideEncryptionByDefault: add one with ${expected}.` });
}

function inlineVerdict(props: Record<string, unknown>, type: string, requirement: Requirement): SettingVerdict {
  if (type === 'aws:s3/bucketV2:BucketV2') {
    // BucketV2: serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]
    const configurations = listValue(props['serverSideEncryptionConfigurations']);
    if (configurations === UNDECIDED) return { kind: 'undecided' };
    const verdicts: SettingVerdict[] = [];
    configurations.forEach((configuration, c) => {
      const rules = listValue(pathValue(configuration, ['rules']));
      if (rules === UNDECIDED) verdicts.push({ kind: 'undecided' });
      else
        rules.forEach((rule, r) => {
          const defaults = listValue(pathValue(rule, ['applyServerSideEncryptionByDefaults']));
          if (defaults === UNDECIDED) verdicts.push({ kind: 'undecided' });
          else defaults.forEach((block, d) => verdicts.push(defaultEncryptionVerdict(block, `serverSideEncryptionConfigurations[${c}].rules[${r}].applyServerSideEncryptionByDefaults[${d}]`, requirement)));
        });
    });
    return combine(verdicts.filter((verdict) => verdict.kind !== 'absent'), { kind: 'absent' });
  }
  // Bucket (v7): serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault
  const block = pathValue(props, ['serverSideEncryptionConfiguration', 'rule', 'applyServerSideEncryptionByDefault']);
  return defaultEncryptionVerdict(block, 'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault', requirement);
}

export const s3BucketKmsEncryption = stackRule({
  metadata: {
    id: 's3-bucket-kms-encryption',
    title: 'S3 buckets encrypt with a customer managed KMS key',
    description:
      'Every S3 bucket must default to SSE-KMS ("aws:kms" or "aws:kms:dsse") with a customer managed key in ' +
      'kmsMasterKeyId, set by a BucketServerSideEncryptionConfiguration (either token family) or the legacy inline ' +
      'input. AES256 (SSE-S3), the AWS managed key or no configuration leave access to the data unscoped by any key policy. ' +
      'Exception: a bucket the stack names as a server access log targetBucket must use SSE-S3 ("AES256", or no ' +
      'configuration, which S3 applies by default), because S3 server access logging does not deliver to SSE-KMS buckets.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.17'] },
    resourceTypes: [...BUCKET_TYPES, ...ENCRYPTION_TYPES],
    remediation:
      'Add an aws.s3.BucketServerSideEncryptionConfiguration with `bucket: bucket.id` and a rule ' +
      '`applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }` (bucketKeyEnabled ' +
      'true keeps KMS costs down). For a server access log target bucket, use `sseAlgorithm: "AES256"` instead, and keep ' +
      'its contents private with the bucket policy and public access block.',
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html'],
  },
  check: ({ args, report }) => {
    const logTargets = serverAccessLogTargets(args.resources);
    const requirementOf = (buckets: readonly PolicyResource[]): Requirement =>
      buckets.length > 0 && buckets.every((bucket) => logTargets.has(bucket.urn)) ? 'log-target' : 'customer-managed-key';
    checkBucketSetting(args.resources, report, {
      companionTypes: ENCRYPTION_TYPES,
      what: 'BucketServerSideEncryptionConfiguration',
      companionVerdict: (props, buckets) => companionVerdict(props, requirementOf(buckets)),
      inlineVerdict: (props, type, bucket) => {
        const requirement = requirementOf([bucket]);
        const verdict = inlineVerdict(props, type, requirement);
        // With no configuration S3 applies SSE-S3, which is what a log target needs.
        return requirement === 'log-target' && verdict.kind === 'absent' ? { kind: 'compliant' } : verdict;
      },
      missing: () =>
        'no default encryption is configured: add an aws.s3.BucketServerSideEncryptionConfiguration for it with sseAlgorithm "aws:kms" and a kmsMasterKeyId.',
    });
  },
});
