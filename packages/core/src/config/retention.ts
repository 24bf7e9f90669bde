import { z } from 'zod';

/** The retention periods CloudWatch Logs accepts (`PutRetentionPolicy`), in days. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The shortest log retention the security baseline accepts (90 days, matching the pack's log-group rule). */
export const MINIMUM_LOG_RETENTION_DAYS = 90;

const allowedLogRetention = CLOUDWATCH_RETENTION_DAYS.filter((days) => days >= MINIMUM_LOG_RETENTION_DAYS);
const LOG_RETENTION_FORM = `a whole number of days CloudWatch Logs accepts, at least ${MINIMUM_LOG_RETENTION_DAYS}: one of ${allowedLogRetention.join(', ')}`;

/** Validates `bulwark:logRetentionDays` (CloudWatch log groups). */
export const logRetentionDaysSchema = z
  .number({ error: LOG_RETENTION_FORM })
  .refine((days) => (allowedLogRetention as readonly number[]).includes(days), { error: LOG_RETENTION_FORM });

/** The shortest RDS automated-backup retention the baseline accepts (FSBP RDS.11). */
export const MINIMUM_BACKUP_RETENTION_DAYS = 7;
/** RDS's own upper limit for automated backups. */
export const MAXIMUM_BACKUP_RETENTION_DAYS = 35;
const BACKUP_RETENTION_FORM = `a whole number of days from ${MINIMUM_BACKUP_RETENTION_DAYS} to ${MAXIMUM_BACKUP_RETENTION_DAYS}`;

/** Validates `bulwark:backupRetentionDays` (RDS automated backups). */
export const backupRetentionDaysSchema = z
  .number({ error: BACKUP_RETENTION_FORM })
  .int({ error: BACKUP_RETENTION_FORM })
  .min(MINIMUM_BACKUP_RETENTION_DAYS, { error: BACKUP_RETENTION_FORM })
  .max(MAXIMUM_BACKUP_RETENTION_DAYS, { error: BACKUP_RETENTION_FORM });

const LOG_ARCHIVE_RETENTION_FORM = `a whole number of days from ${MINIMUM_LOG_RETENTION_DAYS} to 3653`;

/** Validates `bulwark:logArchiveRetentionDays` (how long log buckets keep objects before expiring them). */
export const logArchiveRetentionDaysSchema = z
  .number({ error: LOG_ARCHIVE_RETENTION_FORM })
  .int({ error: LOG_ARCHIVE_RETENTION_FORM })
  .min(MINIMUM_LOG_RETENTION_DAYS, { error: LOG_ARCHIVE_RETENTION_FORM })
  .max(3653, { error: LOG_ARCHIVE_RETENTION_FORM });

const KEY_DELETION_WINDOW_FORM = 'a whole number of days from 7 to 30 (the window KMS allows)';

/** Validates `bulwark:kmsKeyDeletionWindowDays`: the waiting period before KMS deletes a scheduled key. */
export const kmsKeyDeletionWindowDaysSchema = z
  .number({ error: KEY_DELETION_WINDOW_FORM })
  .int({ error: KEY_DELETION_WINDOW_FORM })
  .min(7, { error: KEY_DELETION_WINDOW_FORM })
  .max(30, { error: KEY_DELETION_WINDOW_FORM });
