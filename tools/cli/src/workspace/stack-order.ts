/**
 * The StackReference order of workspace stacks. A stack declares the stacks it reads in its package.json
 * (`"bulwark": { "consumes": ["network"] }`, the same declaration the nx plugin turns into graph edges); a stack
 * without the declaration gets a guess from its sources (one that names another workspace project in a string,
 * `'network'` or `/network/` in a reference name, probably references it). Either only orders the runs:
 * references found while running still decide (a run that asks for a stack that has not run yet is run again
 * after it), so a missing or wrong declaration costs time, never a result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type PulumiProject } from '@bulwark/offline';
import { readJsonFile } from './json-file';
import { projectFiles } from './project-files';

const SOURCE = /\.(ts|js|mts|cts|mjs|cjs)$/;

/** The text of a project's program sources (tests excluded), where its reference names would be. */
function sourcesOf(directory: string): string {
  return projectFiles(directory)
    .filter((file) => {
      const name = path.basename(file);
      return SOURCE.test(name) && !name.includes('.spec.') && !name.includes('.test.');
    })
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The stacks a project declares it consumes in its package.json, or undefined when it declares none. */
export function declaredConsumes(project: PulumiProject): string[] | undefined {
  const file = path.join(project.directory, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  const manifest = readJsonFile(file) as { bulwark?: { consumes?: unknown } };
  const consumes = manifest.bulwark?.consumes;
  return Array.isArray(consumes) ? consumes.filter((name): name is string => typeof name === 'string') : undefined;
}

/** The projects each project references: its declaration, else what its sources seem to reference. */
export function referenceHints(projects: readonly PulumiProject[]): Map<string, Set<string>> {
  const hints = new Map<string, Set<string>>();
  const names = new Set(projects.map((project) => project.name));
  for (const project of projects) {
    const declared = declaredConsumes(project);
    if (declared) {
      hints.set(project.name, new Set(declared.filter((name) => names.has(name) && name !== project.name)));
      continue;
    }
    const text = sourcesOf(project.directory);
    const referenced = new Set<string>();
    for (const other of projects) {
      if (other.name === project.name) continue;
      const name = escape(other.name);
      if (new RegExp(`['"\`/]${name}['"\`/]`).test(text)) referenced.add(other.name);
    }
    hints.set(project.name, referenced);
  }
  return hints;
}

/** The projects ordered so that hinted dependencies come first (input order kept otherwise, and on a cycle). */
export function orderByReferenceHints(projects: readonly PulumiProject[]): PulumiProject[] {
  const hints = referenceHints(projects);
  const ordered: PulumiProject[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let cyclic = false;
  const byName = new Map(projects.map((project) => [project.name, project]));
  const visit = (project: PulumiProject) => {
    const current = state.get(project.name);
    if (current === 'done') return;
    if (current === 'visiting') {
      cyclic = true;
      return;
    }
    state.set(project.name, 'visiting');
    for (const dependency of hints.get(project.name) ?? []) visit(byName.get(dependency) as PulumiProject);
    state.set(project.name, 'done');
    ordered.push(project);
  };
  projects.forEach(visit);
  return cyclic ? [...projects] : ordered;
}
