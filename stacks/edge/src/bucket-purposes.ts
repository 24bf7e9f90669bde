/**
 * The purposes in the physical names of the edge stack's buckets (`<project>-<env>-<purpose>-<uniqueId>`). Other
 * stacks of the environment must not name a bucket after them (the data stack refuses them as data buckets).
 */
export const EDGE_BUCKET_PURPOSES = {
  /** The private bucket CloudFront serves the static site from. */
  site: 'site',
} as const;
