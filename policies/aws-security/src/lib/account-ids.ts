/**
 * Finding AWS account ids written into resource inputs: inside ARNs (`arn:<partition>:<service>:<region>:<account>:`)
 * anywhere in a string, and as bare 12-digit values of account-id-like properties (`accountId`, `sourceAccount`,
 * `awsAccountId`, `ownerId`, `AWS` principals, `aws:SourceAccount` conditions...), walking nested objects, lists
 * and JSON text (policy documents). Unknown values are skipped: they come from other resources, not the source.
 */
import { PLACEHOLDER_ACCOUNT_TAG } from '@bulwark/aws-model';
import { isUnknown } from '@bulwark/policy-kit';

/**
 * The account ids the offline engine made up for this stack, as its `PLACEHOLDER_ACCOUNT_TAG` stack tag names them
 * (none under the Pulumi CLI, which makes none up): ARNs the engine built carry them, the program never wrote them.
 */
export function placeholderAccounts(stackTags: ReadonlyMap<string, string> | undefined): string[] {
  const account = stackTags?.get(PLACEHOLDER_ACCOUNT_TAG);
  return account && ACCOUNT_ID.test(account) ? [account] : [];
}

/** One hard-coded account id and where it was found (`policy.Statement[0].Principal.AWS`). */
export interface AccountIdOccurrence {
  readonly accountId: string;
  readonly path: string;
}

const ARN_ACCOUNT = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/gi;
const ACCOUNT_ID = /^\d{12}$/;
/** Nesting limit: inputs are never this deep; it guards against pathological JSON. */
const MAX_DEPTH = 64;

/** True for property names that hold account ids (compared without case and punctuation). */
export function isAccountIdProperty(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return /accounts?$|accountids?$/.test(normalised) || normalised === 'ownerid' || normalised === 'owners' || normalised === 'aws';
}

function jsonInside(text: string): unknown {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

function walk(value: unknown, path: string, accountContext: boolean, depth: number, found: AccountIdOccurrence[]): void {
  if (depth > MAX_DEPTH || value === null || value === undefined || isUnknown(value)) return;
  if (typeof value === 'number') {
    if (accountContext && Number.isInteger(value) && ACCOUNT_ID.test(String(value))) found.push({ accountId: String(value), path });
    return;
  }
  if (typeof value === 'string') {
    if (accountContext && ACCOUNT_ID.test(value.trim())) found.push({ accountId: value.trim(), path });
    for (const match of value.matchAll(ARN_ACCOUNT)) found.push({ accountId: match[1], path });
    const json = jsonInside(value);
    // ARNs inside the JSON were already found in the text; only bare ids under account keys remain.
    if (json !== undefined) walkJsonForBareIds(json, `${path}(JSON)`, false, depth + 1, found);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element, index) => walk(element, childPath(path, index), accountContext, depth + 1, found));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      walk(child, childPath(path, key), isAccountIdProperty(key), depth + 1, found);
    }
  }
}

function walkJsonForBareIds(value: unknown, path: string, accountContext: boolean, depth: number, found: AccountIdOccurrence[]): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).trim();
    if (accountContext && ACCOUNT_ID.test(text)) found.push({ accountId: text, path });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element, index) => walkJsonForBareIds(element, childPath(path, index), accountContext, depth + 1, found));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      walkJsonForBareIds(child, childPath(path, key), isAccountIdProperty(key), depth + 1, found);
    }
  }
}

/** Every account id written into `inputs` (a resource's raw inputs), in input order. */
export function findAccountIds(inputs: Readonly<Record<string, unknown>>): AccountIdOccurrence[] {
  const found: AccountIdOccurrence[] = [];
  walk(inputs, '', false, 0, found);
  return found;
}
