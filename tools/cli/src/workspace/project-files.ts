/** The files a workspace project is made of: what its sources and builds come from, not what it installs. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders of dependencies, build output and coverage: never a project's own sources. */
const SKIPPED = new Set(['node_modules', 'bin', 'dist', 'out-tsc', 'coverage']);

/** Every file under `directory` (absolute paths), skipping hidden entries and dependency or output folders. */
export function projectFiles(directory: string): string[] {
  const files: string[] = [];
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.push(full);
    }
  };
  visit(directory);
  return files;
}
