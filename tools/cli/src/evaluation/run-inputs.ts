/**
 * What the user gives a run beyond config: answers for lookups (`--invoke-fixtures FILE`) and the outputs of
 * stacks the program references (`--stack-reference NAME=FILE.json`), read once per command with errors that
 * name the file.
 */
import * as path from 'node:path';
import { readInvokeFixtures, type InvokeFixture } from '@bulwark/offline';
import { readJsonFile } from '../workspace/json-file';
import { WorkspaceError } from '../workspace/workspace-error';

export interface RunInputs {
  readonly invokeFixtures: InvokeFixture[];
  /** The outputs of each referenced stack, by the name the program's StackReference uses. */
  readonly stackReferences: Record<string, Record<string, unknown>>;
}

/** Reads the fixtures files (in order: the first match wins) and the stack reference outputs files. */
export function readRunInputs(options: { invokeFixtures: readonly string[]; stackReferences: Readonly<Record<string, string>> }): RunInputs {
  const invokeFixtures = options.invokeFixtures.flatMap((file) => readInvokeFixtures(path.resolve(file)));
  const stackReferences: Record<string, Record<string, unknown>> = {};
  for (const [name, file] of Object.entries(options.stackReferences)) {
    const outputs = readJsonFile(path.resolve(file), `outputs of stack reference ${name}`);
    if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs)) {
      throw new WorkspaceError(
        `--stack-reference ${name}=${file}: must be a JSON object of the stack's outputs (what \`pulumi stack output --json --stack ${name}\` prints)`,
      );
    }
    stackReferences[name] = outputs as Record<string, unknown>;
  }
  return { invokeFixtures, stackReferences };
}
