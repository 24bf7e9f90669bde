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
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, listValue, pathValue, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';
import { BUCKET_TYPES, checkBucketSetting, type SettingVerdict } from './bucket-companions';
import { logDestinations, serverAccessLogTargets } from './server-access-log-destinations';

const ENCRYPTION_TYPES = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];
const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

const SSE_S3 = 'AES256';

/** How a bucket must be encrypted: SSE-KMS with a customer managed key, or SSE-S3 for a server access log target. */
type Requirement = 'customer-managed-key' | 'log-target';

/** Where a default-encryption block sits: its path for messages, and the resource and top-level property holding it. */
interface BlockLocation {
  readonly holder: PolicyResource;
  readonly property: string;
  readonly where: string;
}

/** Judges one `applyServerSideEncryptionByDefault` block. */
function defaultEncryptionVerdict(block: unknown, at: BlockLocation, requirement: Requirement): SettingVerdict {
  const { where } = at;
  const settings = blockValue(block);
  if (settings === UNDECIDED) return { kind: 'undecided', property: where };
  if (settings === undefined) return { kind: 'absent' };
  const algorithm = stringValue(settings['sseAlgorithm']);
  if (algorithm === UNDECIDED) return { kind: 'undecided', property: `${where}.sseAlgorithm` };
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
  const keyId = settings['kmsMasterKeyId'];
  const key = keyReferenceVerdict(at.holder, at.property, keyId);
  if (key === 'customer-managed') return { kind: 'compliant' };
  if (key === 'undecided') return { kind: 'undecided', property: `${where}.kmsMasterKeyId` };
  return {
    kind: 'violation',
    problem:
      key === 'missing' && (keyId === undefined || keyId === null)
        ? `\`${where}.kmsMasterKeyId\` is unset, so "${algorithm}" uses the AWS managed key: set it to a customer managed KMS key ARN.`
        : `\`${where}.kmsMasterKeyId\` ${describeKeyProblem(keyId, key)}: set it to a customer managed KMS key ARN.`,
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

function companionVerdict(companion: PolicyResource, props: Record<string, unknown>, requirement: Requirement): SettingVerdict {
  const rules = listValue(props['rules']);
  if (rules === UNDECIDED) return { kind: 'undecided', property: 'rules' };
  const verdicts = rules.map((rule, index) =>
    defaultEncryptionVerdict(
      pathValue(rule, ['applyServerSideEncryptionByDefault']),
      { holder: companion, property: 'rules', where: `rules[${index}].applyServerSideEncryptionByDefault` },
      requirement,
    ),
  );
  const expected = requirement === 'log-target' ? 'sseAlgorithm "AES256"' : 'sseAlgorithm "aws:kms" and a kmsMasterKeyId';
  return combine(verdicts, { kind: 'violation', problem: `\`rules\` has no applyServerSideEncryptionByDefault: add one with ${expected}.` });
}

function inlineVerdict(bucket: PolicyResource, props: Record<string, unknown>, requirement: Requirement): SettingVerdict {
  if (bucket.type === 'aws:s3/bucketV2:BucketV2') {
    // BucketV2: serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]
    const property = 'serverSideEncryptionConfigurations';
    const configurations = listValue(props[property]);
    if (configurations === UNDECIDED) return { kind: 'undecided', property };
    const verdicts: SettingVerdict[] = [];
    configurations.forEach((configuration, c) => {
      const rules = listValue(pathValue(configuration, ['rules']));
      if (rules === UNDECIDED) verdicts.push({ kind: 'undecided', property: `${property}[${c}].rules` });
      else
        rules.forEach((rule, r) => {
          const defaults = listValue(pathValue(rule, ['applyServerSideEncryptionByDefaults']));
          const where = `${property}[${c}].rules[${r}].applyServerSideEncryptionByDefaults`;
          if (defaults === UNDECIDED) verdicts.push({ kind: 'undecided', property: where });
          else defaults.forEach((block, d) => verdicts.push(defaultEncryptionVerdict(block, { holder: bucket, property, where: `${where}[${d}]` }, requirement)));
        });
    });
    return combine(verdicts.filter((verdict) => verdict.kind !== 'absent'), { kind: 'absent' });
  }
  // Bucket (v7): serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault
  const property = 'serverSideEncryptionConfiguration';
  const block = pathValue(props, [property, 'rule', 'applyServerSideEncryptionByDefault']);
  return defaultEncryptionVerdict(block, { holder: bucket, property, where: `${property}.rule.applyServerSideEncryptionByDefault` }, requirement);
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
    decisions: [
      CUSTOMER_MANAGED_KEY_DECISION,
      'A bucket is a server access log target when a BucketLogging (or inline `logging`) of another bucket names it in ' +
        '`targetBucket`, through a property dependency or its known name or ARN. An unknown target with no dependency on a ' +
        'bucket of this stack is not one of its buckets (a value computed from a bucket carries a dependency on it), so it ' +
        'leaves no bucket undecided. A companion configuring several buckets is held to SSE-S3 only when all are log targets.',
      'Several rules or configurations: any compliant default wins, then an undecided one, then the first violation.',
      'Unknown values (first preview): an unknown rules list, block, algorithm or key reference not computed from a KMS ' +
        'key is reported undecided on the resource holding it (the companion, or the bucket for inline settings); a ' +
        'companion whose `bucket` cannot be tied to any bucket leaves the uncovered buckets undecided (see the S3 rules).',
    ],
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html'],
  },
  check: ({ args, report, undecided }) => {
    const logTargets = serverAccessLogTargets(logDestinations(args.resources));
    const requirementOf = (buckets: readonly PolicyResource[]): Requirement =>
      buckets.length > 0 && buckets.every((bucket) => logTargets.has(bucket.urn)) ? 'log-target' : 'customer-managed-key';
    checkBucketSetting(args.resources, report, undecided, {
      companionTypes: ENCRYPTION_TYPES,
      what: 'BucketServerSideEncryptionConfiguration',
      decides: 'whether the bucket is encrypted as it must be (SSE-KMS with a customer managed key, or SSE-S3 for a log target)',
      companionVerdict: (props, buckets, companion) => companionVerdict(companion, props, requirementOf(buckets)),
      inlineVerdict: (props, _type, bucket) => {
        const requirement = requirementOf([bucket]);
        const verdict = inlineVerdict(bucket, props, requirement);
        // With no configuration S3 applies SSE-S3, which is what a log target needs.
        return requirement === 'log-target' && verdict.kind === 'absent' ? { kind: 'compliant' } : verdict;
      },
      missing: () =>
        'no default encryption is configured: add an aws.s3.BucketServerSideEncryptionConfiguration for it with sseAlgorithm "aws:kms" and a kmsMasterKeyId.',
    });
  },
});
