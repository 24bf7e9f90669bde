/**
 * The purposes in the physical names of the baseline's buckets (`<project>-<env>-<purpose>-<uniqueId>`), from which
 * policies and Config rule parameters name them before they exist.
 */
export const BASELINE_BUCKET_PURPOSES = {
  /** The central target of the foundation's S3 server access logs. */
  accessLogs: 'access-logs',
  /** CloudTrail's log files. */
  cloudTrail: 'cloudtrail',
  /** AWS Config's configuration history and snapshots. */
  configHistory: 'config-history',
} as const;
