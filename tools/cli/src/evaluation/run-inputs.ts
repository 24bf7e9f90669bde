/**
 * What the user gives a run beyond config: answers for lookups (`--invoke-fixtures FILE`) and the outputs of
 * stacks the program references (`--stack-reference NAME=FILE.json`), read once per command with errors that
 * name the file.
 */
import * as path from 'node:path';
import { readInvokeFixtures, type InvokeFixture } from '@bulwark/offline';
import { readJsonFile, WorkspaceError } from '@bulwark/workspace';

export interface RunInputs {
  readonly invokeFixtures: InvokeFixture[];
  /** The outputs of each referenced stack, by the name the program's StackReference uses. */
  readonly stackReferences: Record<string, Record<string, unknown>>;
}

/** The JSON of a `--stack-reference NAME=FILE` file; a missing or broken file is an error naming the flag as well. */
function readStackOutputsFile(name: string, file: string): unknown {
  try {
    return readJsonFile(path.resolve(file));
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    throw new WorkspaceError(`--stack-reference ${name}=${file}: ${error.message}`, { file: path.resolve(file) });
  }
}

/** Reads the fixtures files (in order: the first match wins) and the stack reference outputs files. */
export function readRunInputs(options: { invokeFixtures: readonly string[]; stackReferences: Readonly<Record<string, string>> }): RunInputs {
  const invokeFixtures = options.invokeFixtures.flatMap((file) => readInvokeFixtures(path.resolve(file)));
  const stackReferences: Record<string, Record<string, unknown>> = {};
  for (const [name, file] of Object.entries(options.stackReferences)) {
    const outputs = readStackOutputsFile(name, file);
    if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs)) {
      throw new WorkspaceError(
        `--stack-reference ${name}=${file}: must be a JSON object of the stack's outputs (what \`pulumi stack output --json --stack ${name}\` prints)`,
      );
    }
    stackReferences[name] = outputs as Record<string, unknown>;
  }
  return { invokeFixtures, stackReferences };
}
