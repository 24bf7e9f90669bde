import { createHash } from 'node:crypto';
import { type StackConfig } from './config/stack-config';

/** The naming rules of one AWS service: length limits, allowed characters, and how names are laid out. */
export interface NameRule {
  readonly minLength: number;
  readonly maxLength: number;
  /** Every character of a valid name. */
  readonly allowedCharacters: RegExp;
  /** Put before the generated part (`alias/` for KMS aliases, `/` for log groups). */
  readonly prefix: string;
  /** Joins the parts of the name. */
  readonly separator: string;
  /** Names shared by every AWS account, which need the stack's `uniqueId` to be ours. */
  readonly globallyUnique: boolean;
  /** Extra service-specific checks, each returning a problem or undefined. */
  readonly extraChecks?: ReadonlyArray<(name: string) => string | undefined>;
}

const S3_RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const S3_RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

// Checks several services share (RDS identifiers, ElastiCache subnet groups, Access Analyzer names).
const startsWithLetter = (name: string) => (/^[A-Za-z]/.test(name) ? undefined : 'must start with a letter');
const singleInnerHyphens = (name: string) =>
  name.includes('--') || name.endsWith('-') ? 'must not contain two hyphens in a row or end with one' : undefined;

/** The identifier rules RDS and ElastiCache share: lowercase letters, digits and single hyphens, a letter first. */
function lowercaseIdentifier(maxLength: number): NameRule {
  return {
    minLength: 1,
    maxLength,
    allowedCharacters: /^[a-z0-9-]+$/,
    prefix: '',
    separator: '-',
    globallyUnique: false,
    extraChecks: [startsWithLetter, singleInnerHyphens],
  };
}

/** The services Bulwark names, with AWS's documented limits for each. */
export const nameRules = {
  's3-bucket': {
    minLength: 3,
    maxLength: 63,
    allowedCharacters: /^[a-z0-9-]+$/,
    prefix: '',
    separator: '-',
    globallyUnique: true,
    extraChecks: [
      (name) => (/^[a-z0-9].*[a-z0-9]$/.test(name) ? undefined : 'must start and end with a letter or digit'),
      (name) => (S3_RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) ? 'uses a reserved prefix' : undefined),
      (name) => (S3_RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix)) ? 'uses a reserved suffix' : undefined),
    ],
  },
  'iam-role': { minLength: 1, maxLength: 64, allowedCharacters: /^[\w+=,.@-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'iam-policy': { minLength: 1, maxLength: 128, allowedCharacters: /^[\w+=,.@-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'kms-alias': {
    minLength: 7,
    maxLength: 256,
    allowedCharacters: /^[a-zA-Z0-9/_-]+$/,
    prefix: 'alias/',
    separator: '/',
    globallyUnique: false,
    extraChecks: [(name) => (name.startsWith('alias/aws/') ? 'the alias/aws/ prefix is reserved for AWS managed keys' : undefined)],
  },
  'log-group': { minLength: 1, maxLength: 512, allowedCharacters: /^[\w./#-]+$/, prefix: '/', separator: '/', globallyUnique: false },
  'lambda-function': { minLength: 1, maxLength: 64, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'rds-instance': lowercaseIdentifier(63),
  'dynamodb-table': { minLength: 3, maxLength: 255, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'security-group': { minLength: 1, maxLength: 255, allowedCharacters: /^[\w .:/()#,@[\]+=&;{}!$*-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'cloudtrail-trail': { minLength: 3, maxLength: 128, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'sns-topic': { minLength: 1, maxLength: 256, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'wafv2-web-acl': { minLength: 1, maxLength: 128, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  // WAF delivers only to log groups whose names start with `aws-waf-logs-`.
  'waf-log-group': { minLength: 14, maxLength: 512, allowedCharacters: /^[\w./#-]+$/, prefix: 'aws-waf-logs-', separator: '-', globallyUnique: false },
  'config-recorder': { minLength: 1, maxLength: 256, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'config-delivery-channel': { minLength: 1, maxLength: 256, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'access-analyzer': {
    minLength: 1,
    maxLength: 255,
    allowedCharacters: /^[A-Za-z0-9_.-]+$/,
    prefix: '',
    separator: '-',
    globallyUnique: false,
    extraChecks: [startsWithLetter],
  },
  'iam-instance-profile': { minLength: 1, maxLength: 128, allowedCharacters: /^[\w+=,.@-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'launch-template': { minLength: 3, maxLength: 128, allowedCharacters: /^[\w()./-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'autoscaling-group': { minLength: 1, maxLength: 255, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'elasticache-subnet-group': lowercaseIdentifier(255),
  'cloudfront-origin-access-control': { minLength: 1, maxLength: 64, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'cloudfront-response-headers-policy': { minLength: 1, maxLength: 128, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'log-delivery-source': { minLength: 1, maxLength: 60, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'log-delivery-destination': { minLength: 1, maxLength: 60, allowedCharacters: /^[\w-]+$/, prefix: '', separator: '-', globallyUnique: false },
  'log-resource-policy': { minLength: 1, maxLength: 255, allowedCharacters: /^[\w.-]+$/, prefix: '', separator: '-', globallyUnique: false },
  // The `Name` tag the EC2 console lists resources by (VPCs, subnets, route tables, gateways, NACLs).
  'ec2-name-tag': { minLength: 1, maxLength: 256, allowedCharacters: /^[\w .:/=+@-]+$/, prefix: '', separator: '-', globallyUnique: false },
} satisfies Record<string, NameRule>;

/** A service {@link physicalName} can name. */
export type NamedService = keyof typeof nameRules;

/** The parts of a stack's config that names are made of. */
export type NamingContext = Pick<StackConfig, 'project' | 'environment' | 'uniqueId'>;

/** Optional parts of a physical name. */
export interface PhysicalNameOptions {
  /** Add the region, for names that must differ per region in one account (IAM roles of regional stacks). */
  readonly region?: string;
}

const PURPOSE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HASH_LENGTH = 8;

/**
 * The deterministic physical name for a resource: `<project>-<environment>-<purpose>[-<region>][-<uniqueId>]`
 * laid out per service. A name longer than the service allows is cut and ends in a hash of the full name, so
 * distinct inputs stay distinct and the same input always yields the same name.
 */
export function physicalName(context: NamingContext, service: NamedService, purpose: string, options: PhysicalNameOptions = {}): string {
  if (!PURPOSE_PATTERN.test(purpose)) {
    throw new Error(
      `physicalName(${service}): purpose "${purpose}" must be lowercase letters and digits in hyphen-separated words (e.g. "access-logs")`,
    );
  }
  const rule: NameRule = nameRules[service];
  const parts = [context.project, context.environment, purpose];
  if (options.region !== undefined) parts.push(options.region);
  if (rule.globallyUnique) parts.push(context.uniqueId);
  const full = rule.prefix + parts.join(rule.separator);
  const name = full.length <= rule.maxLength ? full : shortened(full, rule);
  const problems = nameProblems(service, name);
  if (problems.length > 0) {
    throw new Error(`physicalName(${service}) built "${name}", which ${problems.join('; ')}: check bulwark:project and the purpose`);
  }
  return name;
}

/**
 * The pattern (`*` for the rest) that every {@link physicalName} of `service` for this project and environment
 * matches, shortened names included: `bulwark-dev-*` for S3 buckets. A policy that must admit every resource the
 * foundation names in an environment, before those resources exist (an `ArnLike` condition), is built from it.
 */
export function physicalNamePattern(context: Pick<NamingContext, 'project' | 'environment'>, service: NamedService): string {
  const rule: NameRule = nameRules[service];
  return `${rule.prefix}${[context.project, context.environment].join(rule.separator)}${rule.separator}*`;
}

function shortened(full: string, rule: NameRule): string {
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  const keep = full.slice(0, rule.maxLength - HASH_LENGTH - 1).replace(/[-/]+$/, '');
  return `${keep}-${hash}`;
}

/** Everything wrong with `name` as a name for `service`; empty when it is valid. */
export function nameProblems(service: NamedService, name: string): string[] {
  const rule: NameRule = nameRules[service];
  const problems: string[] = [];
  if (name.length < rule.minLength || name.length > rule.maxLength) {
    problems.push(`is ${name.length} characters long (allowed: ${rule.minLength} to ${rule.maxLength})`);
  }
  if (!rule.allowedCharacters.test(name)) problems.push(`has characters outside ${rule.allowedCharacters.source}`);
  for (const check of rule.extraChecks ?? []) {
    const problem = check(name);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
