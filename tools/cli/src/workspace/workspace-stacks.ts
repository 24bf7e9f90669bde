/** The workspace stacks: every Pulumi project under `<root>/stacks`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPulumiProject, type PulumiProject } from '@bulwark/offline';

const MAX_DEPTH = 3;

/** Every Pulumi project directory under `<root>/stacks` (node_modules skipped), sorted by project name. */
export function discoverStacks(root: string): PulumiProject[] {
  const stacks = path.join(root, 'stacks');
  const found: PulumiProject[] = [];
  const visit = (directory: string, depth: number) => {
    if (fs.existsSync(path.join(directory, 'Pulumi.yaml')) || fs.existsSync(path.join(directory, 'Pulumi.yml'))) {
      found.push(readPulumiProject(directory));
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const name of fs.readdirSync(directory)) {
      const child = path.join(directory, name);
      if (name !== 'node_modules' && !name.startsWith('.') && fs.statSync(child).isDirectory()) visit(child, depth + 1);
    }
  };
  if (fs.existsSync(stacks)) visit(stacks, 0);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
