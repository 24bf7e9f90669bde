import { booleanKey, type LoadedStackConfig, listKey, loadStackConfig, numberKey, stringKey } from '@bulwark/core';
import { z } from 'zod';
import { partitionOf, serviceLinkedRoleArn } from '@bulwark/aws-model';
import { adoptExistingIssues, adoptExistingKey, SERVICE_LINKED_ROLES } from './adopt-existing';

/** The namespace of the baseline stack's own keys (`baseline:passwordMinimumLength`). */
export const BASELINE_CONFIG_NAMESPACE = 'baseline';

/** IAM remembers at most 24 previous passwords, and the baseline (CIS 1.9) requires all 24. */
export const PASSWORD_REUSE_PREVENTION = 24;

const WHOLE = 'a whole number';
const MIN_LENGTH_FORM = 'a whole number from 14 (the baseline minimum, CIS 1.8) to 128 (the IAM maximum)';
const REUSE_FORM = `${PASSWORD_REUSE_PREVENTION}: IAM remembers at most ${PASSWORD_REUSE_PREVENTION} passwords and the baseline requires all of them`;
const MAX_AGE_FORM = 'a whole number of days from 1 to 90 (passwords must expire within 90 days)';
const GROUP_NAME_FORM = 'an IAM group name: 1 to 128 letters, digits or + = , . @ _ -';
const PURPOSES_FORM = 'a YAML list of distinct bucket purposes of the other stacks of this environment (data:dataBuckets, edge\'s "site"), e.g. ["app-data", "site"]';
const PURPOSE_FORM = 'a bucket purpose: lowercase words joined by hyphens, e.g. "app-data"';
const BOOLEAN_FORM = 'true or false';

/** The baseline stack's own keys, read from the `baseline:` namespace. */
export const baselineSettingKeys = {
  passwordMinimumLength: numberKey(
    z.number({ error: MIN_LENGTH_FORM }).int({ error: MIN_LENGTH_FORM }).min(14, { error: MIN_LENGTH_FORM }).max(128, { error: MIN_LENGTH_FORM }).default(14),
    WHOLE,
  ),
  passwordReusePrevention: numberKey(
    z.number({ error: REUSE_FORM }).int({ error: REUSE_FORM }).min(PASSWORD_REUSE_PREVENTION, { error: REUSE_FORM }).max(PASSWORD_REUSE_PREVENTION, { error: REUSE_FORM }).default(PASSWORD_REUSE_PREVENTION),
    WHOLE,
  ),
  passwordMaxAgeDays: numberKey(
    z.number({ error: MAX_AGE_FORM }).int({ error: MAX_AGE_FORM }).min(1, { error: MAX_AGE_FORM }).max(90, { error: MAX_AGE_FORM }).default(90),
    WHOLE,
  ),
  humanUsersGroupName: stringKey(z.string({ error: GROUP_NAME_FORM }).regex(/^[\w+=,.@-]{1,128}$/, { error: GROUP_NAME_FORM }).default('human-users'), GROUP_NAME_FORM),
  /**
   * The other stacks' buckets whose S3 data events the trail must log: the cloudtrail-s3-dataevents-enabled Config
   * rule names them (with the baseline's own buckets but the trail's), since the trail excludes its own bucket and
   * "every bucket" can never hold.
   */
  dataEventBucketPurposes: listKey(
    z
      .array(z.string({ error: PURPOSE_FORM }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: PURPOSE_FORM }))
      .refine((purposes) => new Set(purposes).size === purposes.length, { error: PURPOSES_FORM })
      .default([]),
    PURPOSES_FORM,
  ),
  /** Deploy the rds-multi-az-support Config rule: false where databases are single-AZ by design (dev). */
  requireRdsMultiAz: booleanKey(z.boolean({ error: BOOLEAN_FORM }).default(true), BOOLEAN_FORM),
  /** The one-per-account and one-per-region resources that already exist, to import rather than create. */
  adoptExisting: adoptExistingKey,
} as const;

/** The shared config plus the baseline settings. */
export type BaselineConfig = LoadedStackConfig<typeof baselineSettingKeys>;

/** Reads and validates the baseline stack's config; throws a `StackConfigError` naming every bad key first. */
export function loadBaselineConfig(): BaselineConfig {
  return loadStackConfig({
    settings: baselineSettingKeys,
    settingsNamespace: BASELINE_CONFIG_NAMESPACE,
    contradictions: (config) => adoptExistingIssues(config.settings.adoptExisting, config.regions, config.allowedAccountIds, `${BASELINE_CONFIG_NAMESPACE}:adoptExisting`),
  });
}

/**
 * The import id (ARN) of a service-linked role `baseline:adoptExisting` adopts, or undefined when the baseline
 * creates it. Built from config (the one allowed account, the region's partition): an import id must be known
 * before the program runs.
 */
export function adoptedServiceLinkedRole(config: BaselineConfig, member: keyof typeof SERVICE_LINKED_ROLES): string | undefined {
  if (config.settings.adoptExisting[member] !== true) return undefined;
  return serviceLinkedRoleArn(partitionOf(config.region), config.allowedAccountIds[0] as string, SERVICE_LINKED_ROLES[member]);
}
