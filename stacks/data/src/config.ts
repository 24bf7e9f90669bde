import { BASELINE_BUCKET_PURPOSES } from '@bulwark/stack-baseline/outputs';
import { EDGE_BUCKET_PURPOSES } from '@bulwark/stack-edge/outputs';
import { z } from 'zod';
import { DEFAULT_POSTGRES_MAJOR_VERSION, postgresEngineVersionProblem } from './rds-postgres-versions';
import {
  booleanKey,
  type ConfigIssue,
  type LoadedStackConfig,
  listKey,
  loadStackConfig,
  numberKey,
  organizationKey,
  producerProjectKey,
  stringKey,
} from '@bulwark/core';

/** The namespace of this stack's own keys (`data:databaseMultiAz`), the Pulumi project name. */
export const DATA_NAMESPACE = 'data';

const PURPOSE_FORM = 'a lowercase purpose in hyphen-separated words (e.g. "app-data"), 3 to 24 characters';
const INSTANCE_CLASS_FORM = 'an RDS instance class such as "db.t4g.medium" or "db.m7g.large" (burstable micro and small classes lack Performance Insights)';
const ENGINE_VERSION_FORM = 'a PostgreSQL major version under RDS standard support, e.g. "17"';
const STORAGE_FORM = 'a whole number of GiB from 20 to 65536';
const NODE_TYPE_FORM = 'an ElastiCache node type such as "cache.t4g.small" or "cache.r7g.large"';
const NODE_COUNT_FORM = 'a whole number of cache nodes from 1 to 6 (at least 2 when data:databaseMultiAz is true)';
const BOOLEAN_FORM = 'true or false';

/**
 * Bucket purposes other stacks of the environment name their buckets after, as those stacks own them: a data bucket
 * with one of them would have the same physical name, and its CreateBucket would fail with BucketAlreadyOwnedByYou.
 */
const PURPOSES_OF_OTHER_STACKS: Readonly<Record<string, readonly string[]>> = {
  baseline: Object.values(BASELINE_BUCKET_PURPOSES),
  edge: Object.values(EDGE_BUCKET_PURPOSES),
};
const reservedPurposes: readonly string[] = Object.values(PURPOSES_OF_OTHER_STACKS).flat();
const reservedPurposesText = Object.entries(PURPOSES_OF_OTHER_STACKS)
  .map(([stack, purposes]) => `${purposes.join(', ')} (${stack})`)
  .join(' and ');

const purposeSchema = z
  .string({ error: PURPOSE_FORM })
  .min(3, { error: PURPOSE_FORM })
  .max(24, { error: PURPOSE_FORM })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: PURPOSE_FORM })
  .refine((purpose) => !reservedPurposes.includes(purpose), {
    error: `${PURPOSE_FORM}, other than ${reservedPurposesText}, whose buckets have those names`,
  });

/** The stack-specific keys, read from the `data:` namespace. */
export const dataSettingKeys = {
  organization: organizationKey,
  networkProject: producerProjectKey('network'),
  baselineProject: producerProjectKey('baseline'),
  dataBuckets: listKey(
    z
      .array(purposeSchema)
      .min(1, { error: 'a non-empty YAML list of bucket purposes, e.g. ["app-data"]' })
      .refine((purposes) => new Set(purposes).size === purposes.length, { error: 'a YAML list of distinct bucket purposes' })
      .default(['app-data']),
    'a YAML list of bucket purposes, e.g. ["app-data", "exports"]',
  ),
  databaseInstanceClass: stringKey(
    z
      .string({ error: INSTANCE_CLASS_FORM })
      .regex(/^db\.[a-z0-9-]+\.[a-z0-9]+$/, { error: INSTANCE_CLASS_FORM })
      .refine((value) => !/^db\.t[0-9][a-z]*\.(micro|small)$/.test(value), { error: INSTANCE_CLASS_FORM })
      .default('db.t4g.medium'),
    INSTANCE_CLASS_FORM,
  ),
  databaseEngineVersion: stringKey(
    z
      .string({ error: ENGINE_VERSION_FORM })
      .superRefine((version, context) => {
        // Checked against today: a major past its end of standard support is refused from that day on.
        const problem = postgresEngineVersionProblem(version, new Date().toISOString().slice(0, 10));
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_POSTGRES_MAJOR_VERSION),
    ENGINE_VERSION_FORM,
  ),
  databaseAllocatedStorageGb: numberKey(
    z.number({ error: STORAGE_FORM }).int({ error: STORAGE_FORM }).min(20, { error: STORAGE_FORM }).max(65536, { error: STORAGE_FORM }).default(20),
    STORAGE_FORM,
  ),
  databaseMaxAllocatedStorageGb: numberKey(
    z.number({ error: STORAGE_FORM }).int({ error: STORAGE_FORM }).min(20, { error: STORAGE_FORM }).max(65536, { error: STORAGE_FORM }).default(100),
    STORAGE_FORM,
  ),
  databaseMultiAz: booleanKey(z.boolean({ error: BOOLEAN_FORM }).default(true), BOOLEAN_FORM),
  cacheEnabled: booleanKey(z.boolean({ error: BOOLEAN_FORM }).default(false), BOOLEAN_FORM),
  cacheNodeType: stringKey(
    z.string({ error: NODE_TYPE_FORM }).regex(/^cache\.[a-z0-9-]+\.[a-z0-9]+$/, { error: NODE_TYPE_FORM }).default('cache.t4g.small'),
    NODE_TYPE_FORM,
  ),
  cacheNodeCount: numberKey(
    z.number({ error: NODE_COUNT_FORM }).int({ error: NODE_COUNT_FORM }).min(1, { error: NODE_COUNT_FORM }).max(6, { error: NODE_COUNT_FORM }).default(2),
    NODE_COUNT_FORM,
  ),
} as const;

/** The data stack's validated config: the shared keys plus {@link dataSettingKeys}. */
export type DataStackConfig = LoadedStackConfig<typeof dataSettingKeys>;

/**
 * Reads and validates the stack's config, reporting every bad key at once: the shared `bulwark:` keys, this
 * stack's `data:` keys, keys in the `data:` namespace that do not exist (a typo would otherwise fall back to a
 * default silently) and settings that contradict each other.
 */
export function loadDataConfig(): DataStackConfig {
  return loadStackConfig({ settings: dataSettingKeys, settingsNamespace: DATA_NAMESPACE, contradictions });
}

function contradictions(config: DataStackConfig): ConfigIssue[] {
  const { settings } = config;
  const issues: ConfigIssue[] = [];
  if (settings.databaseMaxAllocatedStorageGb < settings.databaseAllocatedStorageGb) {
    issues.push({
      key: `${DATA_NAMESPACE}:databaseMaxAllocatedStorageGb`,
      value: settings.databaseMaxAllocatedStorageGb,
      expected: `at least data:databaseAllocatedStorageGb (${settings.databaseAllocatedStorageGb}): storage autoscaling only grows`,
    });
  }
  // A Multi-AZ cache needs a replica in another zone to fail over to.
  if (settings.cacheEnabled && settings.databaseMultiAz && settings.cacheNodeCount < 2) {
    issues.push({ key: `${DATA_NAMESPACE}:cacheNodeCount`, value: settings.cacheNodeCount, expected: NODE_COUNT_FORM });
  }
  return issues;
}
