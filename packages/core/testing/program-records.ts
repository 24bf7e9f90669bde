import { type ProgramResult, type ResourceRecord, type WireValue } from '@bulwark/offline';

/** The run's resources of one type token, in registration order. */
export function resourcesOfType(result: ProgramResult, type: string): ResourceRecord[] {
  return result.resources.filter((resource) => resource.type === type);
}

/** The one resource of a type with a logical name, failing the test with the names present when there is none. */
export function resourceNamed(result: ProgramResult, type: string, name: string): ResourceRecord {
  const matches = resourcesOfType(result, type);
  const found = matches.find((resource) => resource.name === name);
  if (found === undefined) throw new Error(`no ${type} named "${name}" (present: ${matches.map((resource) => resource.name).join(', ') || 'none'})`);
  return found;
}

/** The single resource of a type, failing the test with the types present when there is not exactly one. */
export function onlyResourceOfType(result: ProgramResult, type: string): ResourceRecord {
  const matches = resourcesOfType(result, type);
  if (matches.length !== 1) {
    const present = [...new Set(result.resources.map((resource) => resource.type))].join(', ');
    throw new Error(`expected exactly one ${type}, found ${matches.length} (types present: ${present})`);
  }
  return matches[0];
}

/** The provider record a custom resource deploys through, failing the test when the run registered none. */
export function providerOf(result: ProgramResult, resource: ResourceRecord): ResourceRecord {
  const provider = resourcesOfType(result, 'pulumi:providers:aws').find((candidate) => resource.provider?.startsWith(`${candidate.urn}::`));
  if (provider === undefined) throw new Error(`no provider for ${resource.urn}`);
  return provider;
}

/** A policy input (JSON text or object) as an object, for assertions on its statements. */
export function policyDocumentOf(value: WireValue | undefined): { Statement: Array<Record<string, unknown>> } {
  if (typeof value === 'string') return JSON.parse(value) as { Statement: Array<Record<string, unknown>> };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as unknown as { Statement: Array<Record<string, unknown>> };
  }
  throw new Error(`expected a policy document, got ${JSON.stringify(value)}`);
}

/** The statement with a given Sid. */
export function statementWithSid(document: { Statement: Array<Record<string, unknown>> }, sid: string): Record<string, unknown> {
  const statement = document.Statement.find((candidate) => candidate.Sid === sid);
  if (statement === undefined) throw new Error(`no statement with Sid ${sid} in ${JSON.stringify(document)}`);
  return statement;
}

/** Config every component spec runs with: a valid stack in eu-west-1. */
export const componentTestConfig = {
  'aws:region': 'eu-west-1',
  'aws:allowedAccountIds': ['123456789012'],
  'bulwark:environment': 'dev',
  'bulwark:owner': 'platform-team',
  'bulwark:project': 'bulwark',
  'bulwark:uniqueId': 'k3x9q2',
} as const;
