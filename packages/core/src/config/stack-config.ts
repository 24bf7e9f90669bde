import { z } from 'zod';
import { AWS_REGION_FORM, awsRegionSchema } from './aws-region';
import { listKey, numberKey, stringKey } from './config-key';
import { ENVIRONMENTS, type Environment, environmentSchema } from './environment';
import { ownerSchema, projectSchema } from './ownership';
import {
  backupRetentionDaysSchema,
  kmsKeyDeletionWindowDaysSchema,
  logArchiveRetentionDaysSchema,
  logRetentionDaysSchema,
} from './retention';
import { uniqueIdSchema } from './unique-id';

/** The config namespace every Bulwark stack shares (`bulwark:environment`, `bulwark:owner`, ...). */
export const STACK_CONFIG_NAMESPACE = 'bulwark';

const WHOLE_DAYS = 'a whole number of days';

/** The shared keys, read from the `bulwark:` namespace, with their validation and defaults. */
export const stackConfigKeys = {
  environment: stringKey(environmentSchema, `one of ${ENVIRONMENTS.join(', ')}`),
  owner: stringKey(ownerSchema, 'a team or person'),
  project: stringKey(projectSchema, 'a lowercase slug'),
  uniqueId: stringKey(uniqueIdSchema, '4 to 8 lowercase letters or digits'),
  regions: listKey(
    z.array(awsRegionSchema).min(1, { error: `a non-empty list of region codes, each ${AWS_REGION_FORM}` }).optional(),
    `a YAML list of region codes, e.g. ["eu-west-1", "us-east-1"]`,
  ),
  logRetentionDays: numberKey(logRetentionDaysSchema.default(365), WHOLE_DAYS),
  backupRetentionDays: numberKey(backupRetentionDaysSchema.default(14), WHOLE_DAYS),
  logArchiveRetentionDays: numberKey(logArchiveRetentionDaysSchema.default(365), WHOLE_DAYS),
  kmsKeyDeletionWindowDays: numberKey(kmsKeyDeletionWindowDaysSchema.default(30), WHOLE_DAYS),
} as const;

/** The primary region comes from the AWS provider's own key so `pulumi config set aws:region` stays the one switch. */
export const primaryRegionKey = stringKey(awsRegionSchema, AWS_REGION_FORM);

const ACCOUNT_ID_FORM = 'a 12-digit AWS account id in quotes, e.g. "111122223333"';

/**
 * `aws:allowedAccountIds`, the AWS provider's own key: the accounts the stack may deploy into. Required: without
 * it a provider deploys wherever the credentials point, and a dev stack applied with prod credentials lands in
 * prod. Explicit providers do not read stack config, so `createAwsProvider` passes it on.
 */
export const allowedAccountIdsKey = listKey(
  z
    .array(z.string().regex(/^\d{12}$/, { error: ACCOUNT_ID_FORM }), { error: `a YAML list of account ids, each ${ACCOUNT_ID_FORM}` })
    .min(1, { error: `a non-empty list of account ids, each ${ACCOUNT_ID_FORM}` }),
  `a YAML list of account ids, each ${ACCOUNT_ID_FORM}`,
);

/** A stack's validated configuration: everything naming, tagging and the components need. */
export interface StackConfig {
  /** `bulwark:environment`. */
  readonly environment: Environment;
  /** `bulwark:owner`: the team or person answerable for the stack (the `Owner` tag). */
  readonly owner: string;
  /** `bulwark:project`: the business project (the `Project` tag and the prefix of physical names). */
  readonly project: string;
  /** `bulwark:uniqueId`: suffix of globally unique names such as S3 buckets. */
  readonly uniqueId: string;
  /** `aws:region`: the region the stack's default provider deploys to. */
  readonly region: string;
  /** `bulwark:regions`: every region the organisation uses, the primary region included. */
  readonly regions: readonly string[];
  /** `aws:allowedAccountIds`: the accounts the stack may deploy into (the provider refuses any other). */
  readonly allowedAccountIds: readonly string[];
  /** `bulwark:logRetentionDays`: CloudWatch log group retention (at least 90). */
  readonly logRetentionDays: number;
  /** `bulwark:backupRetentionDays`: RDS automated backup retention (7 to 35). */
  readonly backupRetentionDays: number;
  /** `bulwark:logArchiveRetentionDays`: days log buckets keep objects (at least 90). */
  readonly logArchiveRetentionDays: number;
  /** `bulwark:kmsKeyDeletionWindowDays`: waiting period before a scheduled key deletion (7 to 30). */
  readonly kmsKeyDeletionWindowDays: number;
  /** The Pulumi project name (`Pulumi.yaml` `name`). */
  readonly pulumiProject: string;
  /** The Pulumi stack name (`dev`, `prod`, ...). */
  readonly stack: string;
}
