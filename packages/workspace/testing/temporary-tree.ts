/** Temporary directory trees for the workspace readers' tests: files by relative path, removed after the suite. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created: string[] = [];

/** Writes `files` (relative path to content) into a fresh temporary directory and returns its path. */
export function temporaryTree(files: Readonly<Record<string, string>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-workspace-'));
  created.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Removes every tree {@link temporaryTree} made (call from `afterAll`). */
export function removeTemporaryTrees(): void {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A package.json of a stack named `name` consuming `consumes` (omitted: no declaration). */
export function stackManifest(name: string, consumes?: readonly string[]): string {
  return `${JSON.stringify({ name: `@test/stack-${name}`, version: '0.0.0', nx: { name }, ...(consumes ? { bulwark: { consumes } } : {}) }, null, 2)}\n`;
}
