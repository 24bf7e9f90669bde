/**
 * `aws:allowedAccountIds`: the accounts a stack may deploy into. The AWS provider refuses to run against any other
 * account (https://www.pulumi.com/registry/packages/aws/installation-configuration/), so it is also the account a
 * stack deploys into, and the account offline runs put into ARNs and caller identity. An account id is 12 digits
 * (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
 */
import { keyError } from './workspace-error';

/** The config key, as stack config files and the engine name it. */
export const ALLOWED_ACCOUNT_IDS_KEY = 'aws:allowedAccountIds';

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_LIST = 'a non-empty list of 12-digit AWS account ids in quotes, e.g. ["111122223333"]';

/**
 * The value as a list: a YAML list (a stack file), or the JSON text of one (config as the engine passes it to a
 * program). A comma-separated text is accepted too, as the provider reads an environment variable.
 */
function listOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value.split(',').map((account) => account.trim());
  }
}

/**
 * The accounts `aws:allowedAccountIds` allows in `config` (by namespaced key), or undefined when it is not set.
 * Throws {@link WorkspaceError} naming `source` (the stack file, or what the config came from) and the key when it
 * is set to anything but a non-empty list of 12-digit account ids.
 */
export function allowedAccountIds(config: Readonly<Record<string, unknown>>, source: string): string[] | undefined {
  const value = config[ALLOWED_ACCOUNT_IDS_KEY];
  if (value === undefined || value === null) return undefined;
  const accounts = listOf(value);
  if (!Array.isArray(accounts) || accounts.length === 0 || accounts.some((account) => typeof account !== 'string' || !ACCOUNT_ID.test(account))) {
    throw keyError(source, ALLOWED_ACCOUNT_IDS_KEY, `must be ${ACCOUNT_LIST}; got ${JSON.stringify(value)}`);
  }
  return accounts as string[];
}

/**
 * The account a stack deploys into: the first of `aws:allowedAccountIds`. Throws {@link WorkspaceError} naming
 * `source` and the key when the key is missing or invalid.
 */
export function deploymentAccount(config: Readonly<Record<string, unknown>>, source: string): string {
  const accounts = allowedAccountIds(config, source);
  if (accounts === undefined) throw keyError(source, ALLOWED_ACCOUNT_IDS_KEY, `is not set: set it to the accounts the stack may deploy into, ${ACCOUNT_LIST}`);
  return accounts[0] as string;
}
