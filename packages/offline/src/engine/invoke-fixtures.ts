/**
 * Invoke fixtures: answers the user gives for provider functions that read what only the account knows (an
 * existing VPC, a hosted zone, a private SSM parameter, a certificate), so a program that looks them up can run
 * offline. A fixtures file (`bulwark check --invoke-fixtures FILE`) is a JSON list of
 * `{ "token": "aws:ec2/getVpc:getVpc", "args": { "tags": { "Name": "shared" } }, "result": { "id": "vpc-0abc", ... } }`:
 * a call with that token whose arguments contain `args` (every key given, compared deeply; objects may hold more
 * keys, lists must match element by element) gets `result`, exactly as the provider function would return it. No
 * `args` matches every call of the token. The first matching fixture wins, and fixtures win over the engine's own
 * answers, so a fixture can also pin a placeholder (an AMI id, a secret) to the real value.
 */
import * as fs from 'node:fs';

/** One answer for the calls of a provider function whose arguments contain `args`. */
export interface InvokeFixture {
  /** The function's token, as `aws:ec2/getVpc:getVpc`. */
  readonly token: string;
  /** What the call's arguments must contain; every call of the token when absent. */
  readonly args?: Readonly<Record<string, unknown>>;
  /** What the function returns. */
  readonly result: Readonly<Record<string, unknown>>;
  /** Where the fixture was read from (`file#index`), for messages. */
  readonly source?: string;
}

/** A fixtures file or document that cannot be used: says which file, which entry and what is wrong. */
export class InvokeFixtureError extends Error {
  override readonly name = 'InvokeFixtureError';
}

const TOKEN = /^[A-Za-z0-9_-]+:[A-Za-z0-9_./-]+:[A-Za-z0-9_]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a parsed fixtures document (from `source`) and returns its fixtures. Throws {@link InvokeFixtureError}. */
export function parseInvokeFixtures(document: unknown, source: string): InvokeFixture[] {
  if (!Array.isArray(document)) {
    throw new InvokeFixtureError(`invoke fixtures ${source}: must be a JSON list of { "token", "args", "result" } entries`);
  }
  return document.map((entry: unknown, index) => {
    const where = `invoke fixtures ${source}, entry ${index}`;
    if (!isObject(entry)) throw new InvokeFixtureError(`${where}: must be an object with "token", "args" and "result"`);
    const unknown = Object.keys(entry).filter((key) => !['token', 'args', 'result', 'description'].includes(key));
    if (unknown.length > 0) throw new InvokeFixtureError(`${where}: unknown key(s) ${unknown.join(', ')} (known: token, args, result, description)`);
    const { token, args, result } = entry;
    if (typeof token !== 'string' || !TOKEN.test(token)) {
      throw new InvokeFixtureError(`${where}: "token" must be a provider function token such as "aws:ec2/getVpc:getVpc", got ${JSON.stringify(token)}`);
    }
    if (args !== undefined && !isObject(args)) throw new InvokeFixtureError(`${where}: "args" must be an object of the call's arguments`);
    if (!isObject(result)) throw new InvokeFixtureError(`${where}: "result" must be an object: what ${token} returns`);
    return { token, ...(args ? { args } : {}), result, source: `${source}#${index}` };
  });
}

/** Reads a fixtures file. Throws {@link InvokeFixtureError} naming the file when it is missing or malformed. */
export function readInvokeFixtures(file: string): InvokeFixture[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvokeFixtureError(`invoke fixtures ${file}: cannot be read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InvokeFixtureError(`invoke fixtures ${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parseInvokeFixtures(document, file);
}

/** True when `actual` contains `expected`: equal scalars, objects with at least its keys, lists element by element. */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, index) => contains(actual[index], item));
  }
  if (isObject(expected)) return isObject(actual) && Object.entries(expected).every(([key, value]) => contains(actual[key], value));
  return actual === expected;
}

/** The first fixture that answers a call of `token` with `args`. */
export function matchInvokeFixture(
  fixtures: readonly InvokeFixture[],
  token: string,
  args: Readonly<Record<string, unknown>>,
): InvokeFixture | undefined {
  return fixtures.find((fixture) => fixture.token === token && (fixture.args === undefined || contains(args, fixture.args)));
}
