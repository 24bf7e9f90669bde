/** Reading the YAML and JSON files of a workspace, with errors that name the file. */
import * as fs from 'node:fs';
import * as yaml from 'js-yaml';
import { WorkspaceError } from './workspace-error';

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkspaceError(code === 'ENOENT' ? `${file}: no such ${what}` : `${file}: cannot be read: ${(error as Error).message}`, { file });
  }
}

/** Parses a YAML file. Throws {@link WorkspaceError} naming the file when it is missing or not YAML. */
export function readYamlFile(file: string): unknown {
  const text = readText(file, 'file');
  try {
    return yaml.load(text, { filename: file });
  } catch (error) {
    throw new WorkspaceError(`${file}: not valid YAML: ${(error as Error).message}`, { file });
  }
}

/** Parses a JSON file. Throws {@link WorkspaceError} naming the file when it is missing or not JSON. */
export function readJsonFile(file: string): unknown {
  const text = readText(file, 'file');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WorkspaceError(`${file}: not valid JSON: ${(error as Error).message}`, { file });
  }
}

/** True for a plain object (a YAML mapping, a JSON object), not an array or null. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
