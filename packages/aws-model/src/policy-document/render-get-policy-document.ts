/**
 * `aws.iam.getPolicyDocument`, computed the way the provider computes it: statement blocks to IAM policy JSON
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document), with
 * source documents merged first and override documents last, by `Sid`.
 */
import { oneOrMany, type OneOrMany } from './document';

type Json = Record<string, unknown>;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

function principals(blocks: unknown): Json | string | undefined {
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  const byType: Record<string, string[]> = {};
  for (const block of blocks as Json[]) {
    const type = String(block['type']);
    const identifiers = list(block['identifiers']);
    if (type === '*' && identifiers.includes('*')) return '*';
    byType[type] = [...(byType[type] ?? []), ...identifiers];
  }
  return Object.fromEntries(Object.entries(byType).map(([type, ids]) => [type, oneOrMany(ids)]));
}

function conditions(blocks: unknown): Json | undefined {
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  const result: Record<string, Record<string, OneOrMany<string>>> = {};
  for (const block of blocks as Json[]) {
    const test = String(block['test']);
    const variable = String(block['variable']);
    result[test] = { ...result[test], [variable]: oneOrMany(list(block['values'])) };
  }
  return result;
}

function statement(input: Json): Json {
  const output: Json = {};
  if (typeof input['sid'] === 'string' && input['sid'] !== '') output['Sid'] = input['sid'];
  output['Effect'] = typeof input['effect'] === 'string' ? input['effect'] : 'Allow';
  const entries: [string, string][] = [
    ['actions', 'Action'],
    ['notActions', 'NotAction'],
    ['resources', 'Resource'],
    ['notResources', 'NotResource'],
  ];
  for (const [from, to] of entries) {
    const values = list(input[from]);
    if (values.length > 0) output[to] = oneOrMany(values);
  }
  const principal = principals(input['principals']);
  if (principal !== undefined) output['Principal'] = principal;
  const notPrincipal = principals(input['notPrincipals']);
  if (notPrincipal !== undefined) output['NotPrincipal'] = notPrincipal;
  const condition = conditions(input['conditions']);
  if (condition !== undefined) output['Condition'] = condition;
  return output;
}

function parseDocuments(value: unknown): Json[] {
  return list(value).map((text) => JSON.parse(text) as Json);
}

function rawStatements(document: Json): Json[] {
  const statements = document['Statement'];
  if (Array.isArray(statements)) return statements as Json[];
  return statements && typeof statements === 'object' ? [statements as Json] : [];
}

/** Merges statements by Sid: a later statement with the same Sid replaces the earlier one. */
function mergeBySid(base: Json[], overrides: Json[]): Json[] {
  const merged = [...base];
  for (const override of overrides) {
    const index = typeof override['Sid'] === 'string' ? merged.findIndex((s) => s['Sid'] === override['Sid']) : -1;
    if (index >= 0) merged[index] = override;
    else merged.push(override);
  }
  return merged;
}

/** The result of `aws:iam/getPolicyDocument:getPolicyDocument` for the given arguments. */
export function renderGetPolicyDocument(args: Json): Json {
  let statements: Json[] = [];
  for (const source of parseDocuments(args['sourcePolicyDocuments'])) statements = mergeBySid(statements, rawStatements(source));
  const own = Array.isArray(args['statements']) ? (args['statements'] as Json[]).map(statement) : [];
  statements = mergeBySid(statements, own);
  for (const override of parseDocuments(args['overridePolicyDocuments'])) statements = mergeBySid(statements, rawStatements(override));
  const document: Json = { Version: typeof args['version'] === 'string' ? args['version'] : '2012-10-17' };
  if (typeof args['policyId'] === 'string') document['Id'] = args['policyId'];
  document['Statement'] = statements;
  const json = JSON.stringify(document, null, 2);
  return { json, minifiedJson: JSON.stringify(document), id: String(Math.abs(hashCode(json))) };
}

function hashCode(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(31, hash) + text.charCodeAt(index)) | 0;
  return hash;
}
