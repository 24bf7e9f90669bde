/**
 * What the plugin needs from a Pulumi project directory: its Pulumi project name (from `Pulumi.yaml`) and the
 * environments it has stack configuration for (`Pulumi.<environment>.yaml`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/** A Pulumi project found in the workspace. */
export interface PulumiProject {
  /** The `name` in `Pulumi.yaml`: the middle part of every stack name. */
  readonly name: string;
  /** Environments with a `Pulumi.<environment>.yaml`, sorted. */
  readonly environments: readonly string[];
}

const STACK_CONFIG_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.ya?ml$/;

/** Reads `Pulumi.yaml` and lists the stack configuration files of the project in `directory`. */
export function readPulumiProject(directory: string): PulumiProject {
  const projectFile = join(directory, 'Pulumi.yaml');
  let document: unknown;
  try {
    document = load(readFileSync(projectFile, 'utf8'));
  } catch (error) {
    throw new Error(`nx-pulumi: cannot read ${projectFile}: ${(error as Error).message}`);
  }
  const name = typeof document === 'object' && document !== null ? (document as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new Error(`nx-pulumi: ${projectFile} has no 'name'; every Pulumi project needs one (it is part of the stack name).`);
  }
  const environments = readdirSync(directory)
    .map((file) => STACK_CONFIG_FILE.exec(file)?.[1])
    .filter((environment): environment is string => environment !== undefined)
    .sort();
  return { name, environments };
}
