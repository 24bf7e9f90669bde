/**
 * Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`, as the AWS General Reference
 * describes them (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). Global services
 * leave region (IAM, CloudFront) or region and account (S3 buckets) empty.
 */

/** The AWS partitions: the standard one, China and GovCloud (US). */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

/** One of {@link PARTITIONS}. */
export type Partition = (typeof PARTITIONS)[number];

/** The partition a region belongs to. */
export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The DNS suffix of a partition's service endpoints. */
export function dnsSuffixOf(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The fields of an ARN. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  /** Empty for global resources. */
  readonly region: string;
  /** Empty for resources that carry no account (S3 buckets, AWS managed policies carry `aws`). */
  readonly account: string;
  /** Everything after the account field (`role/admin`, `log-group:name:*`, `bucket/key`). */
  readonly resource: string;
}

/** Builds an ARN; region and account default to empty, as global resources write them. */
export function formatArn(parts: Omit<ArnParts, 'region' | 'account'> & Partial<Pick<ArnParts, 'region' | 'account'>>): string {
  return `arn:${parts.partition}:${parts.service}:${parts.region ?? ''}:${parts.account ?? ''}:${parts.resource}`;
}

/**
 * Splits an ARN into its fields; undefined for text that does not start with `arn:` (any case) or has fewer
 * than six colon-separated fields. The resource keeps its own colons.
 */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.toLowerCase().startsWith('arn:')) return undefined;
  const fields = text.split(':');
  if (fields.length < 6) return undefined;
  const [, partition, service, region, account] = fields as [string, string, string, string, string];
  return { partition, service, region, account, resource: fields.slice(5).join(':') };
}
