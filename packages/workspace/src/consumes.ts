/**
 * The stacks whose outputs a stack reads through `pulumi.StackReference`, declared in its package.json:
 * `"bulwark": { "consumes": ["network", "data"] }` (nx project names; `[]` for a stack that reads none). The
 * declaration is explicit, and required, because a StackReference names its producer only at run time (from
 * config), where no static analysis can see it: the nx graph (deploy order, `nx affected`) and the order of
 * `bulwark preview` both come from it.
 */
import * as fs from 'node:fs';
import { WorkspaceError, keyError } from './workspace-error';
import { isMapping, readJsonFile } from './workspace-files';

/** The key, as error messages name it. */
export const CONSUMES_KEY = 'bulwark.consumes';

const HOW = 'list the nx project names of the stacks whose outputs this stack reads, e.g. ["network"], or [] when it reads none';

/**
 * Reads `bulwark.consumes` from a stack's package.json. Throws {@link WorkspaceError} naming the file when it is
 * missing, has no declaration, or declares anything but a list of distinct non-empty names.
 */
export function readConsumes(packageFile: string): string[] {
  if (!fs.existsSync(packageFile)) {
    throw new WorkspaceError(`${packageFile}: missing; a workspace stack needs a package.json with "${CONSUMES_KEY}": ${HOW}`, {
      file: packageFile,
      key: CONSUMES_KEY,
    });
  }
  const manifest = readJsonFile(packageFile);
  const bulwark = isMapping(manifest) ? manifest['bulwark'] : undefined;
  const consumes = isMapping(bulwark) ? bulwark['consumes'] : undefined;
  if (consumes === undefined) throw keyError(packageFile, CONSUMES_KEY, `is missing: ${HOW}`);
  if (
    !Array.isArray(consumes) ||
    consumes.some((name) => typeof name !== 'string' || name === '') ||
    new Set(consumes).size !== consumes.length
  ) {
    throw keyError(packageFile, CONSUMES_KEY, `must be a list of distinct stack names: ${HOW}; got ${JSON.stringify(consumes)}`);
  }
  return consumes as string[];
}

/** One stack's declaration, for {@link checkConsumes}. */
export interface ConsumesDeclaration {
  /** The stack's nx project name. */
  readonly name: string;
  /** The package.json it was read from, as messages should show it. */
  readonly file: string;
  readonly consumes: readonly string[];
}

/**
 * Checks the declarations of a workspace's stacks against each other: every name must be another stack of the
 * workspace. Throws {@link WorkspaceError} naming the file, the key, the faulty name and the stacks that exist.
 */
export function checkConsumes(declarations: readonly ConsumesDeclaration[]): void {
  const names = new Set(declarations.map((declaration) => declaration.name));
  const known = [...names].sort().join(', ');
  for (const { name, file, consumes } of declarations) {
    for (const producer of consumes) {
      if (producer === name) throw keyError(file, CONSUMES_KEY, `lists the stack itself ('${name}')`);
      if (!names.has(producer)) {
        throw keyError(file, CONSUMES_KEY, `names '${producer}', which is not a Pulumi stack project of the workspace. Stack projects: ${known}.`);
      }
    }
  }
}
