/**
 * The stacks whose outputs a stack reads through `pulumi.StackReference`, declared in its package.json as
 * `"bulwark": { "consumes": ["network", "data"] }` (nx project names). The declaration is explicit because a
 * StackReference names its producer only at run time (from config), where no static analysis can see it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `bulwark.consumes` from the package.json in `projectDirectory`; no package.json or no key means none. */
export function consumedStacks(projectDirectory: string): string[] {
  const packageFile = join(projectDirectory, 'package.json');
  if (!existsSync(packageFile)) return [];
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(packageFile, 'utf8'));
  } catch (error) {
    throw new Error(`nx-pulumi: cannot parse ${packageFile}: ${(error as Error).message}`);
  }
  const consumes = (manifest as { bulwark?: { consumes?: unknown } } | null)?.bulwark?.consumes;
  if (consumes === undefined) return [];
  if (!Array.isArray(consumes) || consumes.some((name) => typeof name !== 'string' || name === '')) {
    throw new Error(
      `nx-pulumi: ${packageFile}: "bulwark.consumes" must be a list of the nx project names of the stacks whose ` +
        `outputs this stack reads, e.g. ["network"]; got ${JSON.stringify(consumes)}.`,
    );
  }
  return consumes as string[];
}
