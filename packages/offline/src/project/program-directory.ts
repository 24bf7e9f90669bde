/**
 * A Pulumi program directory made runnable: project file, stack config and an entry that is required afresh on
 * every run, as the language host does for each `pulumi preview`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectError, readPulumiProject, type PulumiProject } from './pulumi-project';
import { readStackSettings, type StackSettings } from './stack-config';
import { importModuleProgram, isModuleProgram, registerTypeScript, resolveProgramImports } from './typescript-loader';

/** A program directory ready to run for one stack. */
export interface ProgramDirectory {
  readonly project: PulumiProject;
  readonly stack: string;
  readonly settings: StackSettings;
  /** The entry module's absolute path. */
  readonly entry: string;
  /** Loads the entry afresh and returns the stack outputs (a default-exported function is called). */
  readonly run: () => unknown;
}

/** The entry file of a directory, as Node resolves a directory for `import` in an ES module program. */
const MODULE_INDEXES = ['index.js', 'index.mjs', 'index.ts', 'index.mts'];

/**
 * Resolves the entry as the language host does: `main` from Pulumi.yaml, else the package's own entry, else the
 * directory's index (for an ES module program: index.js, index.mjs, index.ts, index.mts, in that order).
 */
function resolveEntry(project: PulumiProject): string {
  const base = path.resolve(project.directory, project.main ?? '.');
  try {
    return require.resolve(base);
  } catch {
    const index = MODULE_INDEXES.map((name) => path.join(base, name)).find((file) => fs.existsSync(file));
    if (index) return index;
    const what = project.main ? `main: ${project.main}` : 'index.ts, index.js or the package.json "main"';
    throw new ProjectError(`${project.file}: cannot find the program entry (${what}) in ${project.directory}`);
  }
}

/** What a program's module exported: a function is called, as the language host does, and its result used. */
function outputsOf(exported: unknown): unknown {
  return typeof exported === 'function' ? (exported as () => unknown)() : exported;
}

function commonJsRunner(project: PulumiProject, entry: string): () => unknown {
  return () => {
    // The program's own modules must register their resources again on every run; its dependencies need not.
    const root = project.directory + path.sep;
    for (const key of Object.keys(require.cache)) {
      if (key.startsWith(root) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(entry) as unknown;
    const candidate =
      exported && typeof exported === 'object' && 'default' in exported ? (exported as { default: unknown }).default : exported;
    return typeof candidate === 'function' ? (candidate as () => unknown)() : exported;
  };
}

function moduleRunner(project: PulumiProject, entry: string): () => Promise<unknown> {
  return async () => {
    const namespace = await importModuleProgram(entry, project.directory);
    // As the language host: a default export is the program (and must be the only export); else the named exports.
    if (Object.getOwnPropertyDescriptor(namespace, 'default') !== undefined) {
      if (Object.keys(namespace).length !== 1) {
        throw new ProjectError(`${entry}: the entry module must have either a default export or named exports, not both`);
      }
      return outputsOf(namespace['default']);
    }
    return { ...namespace };
  };
}

/** The engine runs Node.js programs (TypeScript or JavaScript) only: any other runtime is an error, never a pass. */
function assertNodeRuntime(project: PulumiProject): void {
  if (project.runtime !== 'nodejs') {
    throw new ProjectError(
      `${project.file}: runtime "${project.runtime}" is not supported: bulwark runs Node.js programs (runtime: nodejs, TypeScript or JavaScript) only`,
    );
  }
}

/**
 * Reads a program directory for a stack and prepares its entry; registers TypeScript support first when
 * nothing else compiles `.ts` in this process. Throws {@link ProjectError} (or the workspace's error for the project
 * and stack files) with the file and the fix.
 */
export function loadProgramDirectory(directory: string, stack: string): ProgramDirectory {
  const project = readPulumiProject(directory);
  assertNodeRuntime(project);
  const settings = readStackSettings(project, stack);
  registerTypeScript();
  resolveProgramImports(project.directory);
  const entry = resolveEntry(project);
  const run = isModuleProgram(entry) ? moduleRunner(project, entry) : commonJsRunner(project, entry);
  return { project, stack, settings, entry, run };
}
