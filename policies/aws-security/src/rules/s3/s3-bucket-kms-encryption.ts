/**
 * Every bucket's default encryption is SSE-KMS (`aws:kms`, or dual-layer `aws:kms:dsse`) with a customer managed
 * key (`kmsMasterKeyId`). SSE-S3 (`AES256`) or the AWS managed key cannot be scoped by key policy or audited per
 * key, and cannot be revoked.
 */
import { isStringSet } from '../../lib/string-presence';
import { blockValue, listValue, pathValue, stringValue, UNKNOWN } from '../../lib/values';
import { stackRule } from '../../rule';
import { BUCKET_TYPES, checkBucketSetting, type SettingVerdict } from './bucket-companions';

const ENCRYPTION_TYPES = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];
const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/** Judges one `applyServerSideEncryptionByDefault` block; `where` names it in messages. */
function defaultEncryptionVerdict(block: unknown, where: string): SettingVerdict {
  const settings = blockValue(block);
  if (settings === UNKNOWN) return { kind: 'undecided' };
  if (settings === undefined) return { kind: 'absent' };
  const algorithm = stringValue(settings['sseAlgorithm']);
  if (algorithm === UNKNOWN) return { kind: 'undecided' };
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

function companionVerdict(props: Record<string, unknown>): SettingVerdict {
  const rules = listValue(props['rules']);
  if (rules === UNKNOWN) return { kind: 'undecided' };
  const verdicts = rules.map((rule, index) => defaultEncryptionVerdict(pathValue(rule, ['applyServerSideEncryptionByDefault']), `rules[${index}].applyServerSideEncryptionByDefault`));
  return combine(verdicts, { kind: 'violation', problem: '`rules` has no applyServerSideEncryptionByDefault: add one with sseAlgorithm "aws:kms" and a kmsMasterKeyId.' });
}

function inlineVerdict(props: Record<string, unknown>, type: string): SettingVerdict {
  if (type === 'aws:s3/bucketV2:BucketV2') {
    // BucketV2: serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]
    const configurations = listValue(props['serverSideEncryptionConfigurations']);
    if (configurations === UNKNOWN) return { kind: 'undecided' };
    const verdicts: SettingVerdict[] = [];
    configurations.forEach((configuration, c) => {
      const rules = listValue(pathValue(configuration, ['rules']));
      if (rules === UNKNOWN) verdicts.push({ kind: 'undecided' });
      else
        rules.forEach((rule, r) => {
          const defaults = listValue(pathValue(rule, ['applyServerSideEncryptionByDefaults']));
          if (defaults === UNKNOWN) verdicts.push({ kind: 'undecided' });
          else defaults.forEach((block, d) => verdicts.push(defaultEncryptionVerdict(block, `serverSideEncryptionConfigurations[${c}].rules[${r}].applyServerSideEncryptionByDefaults[${d}]`)));
        });
    });
    return combine(verdicts.filter((verdict) => verdict.kind !== 'absent'), { kind: 'absent' });
  }
  // Bucket (v7): serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault
  const block = pathValue(props, ['serverSideEncryptionConfiguration', 'rule', 'applyServerSideEncryptionByDefault']);
  return defaultEncryptionVerdict(block, 'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault');
}

export const s3BucketKmsEncryption = stackRule({
  metadata: {
    id: 's3-bucket-kms-encryption',
    title: 'S3 buckets encrypt with a customer managed KMS key',
    description:
      'Every S3 bucket must default to SSE-KMS ("aws:kms" or "aws:kms:dsse") with a customer managed key in ' +
      'kmsMasterKeyId, set by a BucketServerSideEncryptionConfiguration (either token family) or the legacy inline ' +
      'input. AES256 (SSE-S3), the AWS managed key or no configuration leave access to the data unscoped by any key policy.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.17'] },
    resourceTypes: [...BUCKET_TYPES, ...ENCRYPTION_TYPES],
    remediation:
      'Add an aws.s3.BucketServerSideEncryptionConfiguration with `bucket: bucket.id` and a rule ' +
      '`applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }` (bucketKeyEnabled ' +
      'true keeps KMS costs down).',
  },
  check: ({ args, report }) => {
    checkBucketSetting(args.resources, report, {
      companionTypes: ENCRYPTION_TYPES,
      what: 'BucketServerSideEncryptionConfiguration',
      companionVerdict,
      inlineVerdict,
      missing: () =>
        'no default encryption is configured: add an aws.s3.BucketServerSideEncryptionConfiguration for it with sseAlgorithm "aws:kms" and a kmsMasterKeyId.',
    });
  },
});
