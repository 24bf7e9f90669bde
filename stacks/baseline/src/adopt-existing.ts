import { type ConfigIssue, mapKey } from '@bulwark/core';
import type * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';

const FORM =
  'a YAML map of the existing resources to adopt: configServiceLinkedRole, autoScalingServiceLinkedRole (true), configRecorder, configDeliveryChannel (their names), guardDutyDetectors (region: detector id), accessAnalyzers (region: analyzer name)';
const NAME_FORM = 'the name of the existing resource: letters, digits, . _ - (1 to 256)';
const DETECTOR_FORM = 'a GuardDuty detector id: 32 lowercase hexadecimal characters';
const ANALYZER_FORM = 'an Access Analyzer name: a letter, then letters, digits, . _ - (1 to 255)';
const REGION_FORM = 'an AWS region code such as "eu-west-1"';

const region = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-[1-9]$/, { error: REGION_FORM });

/**
 * The resources AWS allows once per account (the service-linked roles, the Config recorder and its delivery channel)
 * or once per region (a GuardDuty detector; an account Access Analyzer where one exists), which Control Tower,
 * Security Hub or an earlier console click may already have created. Creating them again fails; listing them here
 * makes the program import them (the `import` resource option, with the existing names) and never delete them
 * (`retainOnDelete`), since this stack did not create them.
 */
export const adoptExistingSchema = z.strictObject(
  {
    configServiceLinkedRole: z.boolean({ error: 'true to adopt AWSServiceRoleForConfig' }).optional(),
    autoScalingServiceLinkedRole: z.boolean({ error: 'true to adopt AWSServiceRoleForAutoScaling' }).optional(),
    configRecorder: z.string({ error: NAME_FORM }).regex(/^[\w.-]{1,256}$/, { error: NAME_FORM }).optional(),
    configDeliveryChannel: z.string({ error: NAME_FORM }).regex(/^[\w.-]{1,256}$/, { error: NAME_FORM }).optional(),
    guardDutyDetectors: z.record(region, z.string({ error: DETECTOR_FORM }).regex(/^[0-9a-f]{32}$/, { error: DETECTOR_FORM }), { error: 'a YAML map of region to detector id' }).optional(),
    accessAnalyzers: z.record(region, z.string({ error: ANALYZER_FORM }).regex(/^[A-Za-z][\w.-]{0,254}$/, { error: ANALYZER_FORM }), { error: 'a YAML map of region to analyzer name' }).optional(),
  },
  { error: FORM },
);

/** What `baseline:adoptExisting` lists. */
export type AdoptExisting = z.infer<typeof adoptExistingSchema>;

/** The `baseline:adoptExisting` key: nothing adopted unless listed. */
export const adoptExistingKey = mapKey(adoptExistingSchema.default({}), FORM);

/**
 * The services whose service-linked roles the baseline creates, by the member of `baseline:adoptExisting` that
 * adopts each (role names and ARNs: `@bulwark/aws-model`'s service-linked role table).
 */
export const SERVICE_LINKED_ROLES = {
  configServiceLinkedRole: 'config.amazonaws.com',
  autoScalingServiceLinkedRole: 'autoscaling.amazonaws.com',
} as const;

/** What an adopting config must also satisfy: regions the stack covers, one account to name a role's ARN in. */
export function adoptExistingIssues(adopt: AdoptExisting, regions: readonly string[], allowedAccountIds: readonly string[], key: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const member of ['guardDutyDetectors', 'accessAnalyzers'] as const) {
    for (const [adoptedRegion, id] of Object.entries(adopt[member] ?? {})) {
      if (!regions.includes(adoptedRegion)) {
        issues.push({ key: `${key}.${member}.${adoptedRegion}`, value: id, expected: `a region of bulwark:regions (${regions.join(', ')}): the stack builds nothing elsewhere` });
      }
    }
  }
  for (const member of Object.keys(SERVICE_LINKED_ROLES) as (keyof typeof SERVICE_LINKED_ROLES)[]) {
    if (adopt[member] === true && allowedAccountIds.length !== 1) {
      issues.push({
        key: `${key}.${member}`,
        value: true,
        expected: `exactly one account in aws:allowedAccountIds: the imported role's ARN names the account (${allowedAccountIds.join(', ')} are allowed)`,
      });
    }
  }
  return issues;
}

/** Resource options that adopt an existing resource by its import id, or none when `importId` is undefined. */
export function adoptionOptions(importId: string | undefined): pulumi.CustomResourceOptions {
  return importId === undefined ? {} : { import: importId, retainOnDelete: true };
}
