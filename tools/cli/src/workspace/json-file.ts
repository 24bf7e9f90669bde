/** JSON files of the workspace (package manifests, pack configs), read with errors that name the file. */
import * as fs from 'node:fs';
import { WorkspaceError } from './workspace-error';

/**
 * Reads and parses a JSON file. Throws {@link WorkspaceError} naming the file (after `what`, e.g. "policy pack
 * config") when it cannot be read or is not valid JSON.
 */
export function readJsonFile(file: string, what?: string): unknown {
  const label = what ? `${what} ${file}` : file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkspaceError(`${label}: cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WorkspaceError(`${label}: not valid JSON: ${(error as Error).message}`);
  }
}
