/** Helpers for the component model specs: run a program in both modes and read what a component registered. */
import { runProgram, type RunProgramOptions, type Program } from '../../engine/run-program';
import { type ProgramResult, type ResourceRecord, type RunMode } from '../../types';

/** The project the model specs run under, so that URNs in the tables are predictable. */
export const PROJECT = 'proj';

/** Runs a program in both modes. */
export async function runBothModes(program: Program, options: RunProgramOptions = {}): Promise<Record<RunMode, ProgramResult>> {
  return {
    preview: await runProgram(program, { project: PROJECT, ...options, mode: 'preview' }),
    update: await runProgram(program, { project: PROJECT, ...options, mode: 'update' }),
  };
}

/** Every resource under the component of this type and name (itself excluded), in registration order. */
export function childrenOf(result: ProgramResult, type: string, name: string): ResourceRecord[] {
  const component = recordOf(result, type, name);
  const under = new Set([component.urn]);
  const children: ResourceRecord[] = [];
  for (const record of result.resources) {
    if (record.parent && under.has(record.parent)) {
      under.add(record.urn);
      children.push(record);
    }
  }
  return children;
}

/** The one resource of this type and name; throws listing what there is. */
export function recordOf(result: ProgramResult, type: string, name: string): ResourceRecord {
  const found = result.resources.filter((record) => record.type === type && record.name === name);
  if (found.length !== 1) throw new Error(`expected one ${type} "${name}", found ${found.length} among:\n${result.resources.map((r) => r.urn).join('\n')}`);
  return found[0] as ResourceRecord;
}

/** `[type, name]` of each record: the shape of a component's children table. */
export function typesAndNames(records: readonly ResourceRecord[]): [string, string][] {
  return records.map((record) => [record.type, record.name]);
}
