/**
 * Policy pack configuration, resolved the way the Pulumi CLI resolves `--policy-pack-config`:
 * `{"all": "mandatory"}` sets every policy's level, `{"<policy>": "advisory"}` one policy's level, and
 * `{"<policy>": {"enforcementLevel": "...", "<property>": ...}}` its level and properties; each policy's
 * `configSchema` defaults fill what is not given, and the result is validated against the schema.
 */
import { type EnforcementLevel } from './findings';

const LEVELS: readonly EnforcementLevel[] = ['advisory', 'mandatory', 'remediate', 'disabled'];

/** What the resolver needs to know of a policy (from the pack itself or from `GetAnalyzerInfo`). */
export interface PolicyDescriptor {
  readonly name: string;
  readonly enforcementLevel?: EnforcementLevel;
  readonly configSchema?: { properties?: Record<string, JsonSchema>; required?: string[] };
}

export interface JsonSchema {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
}

/** One policy's effective configuration. */
export interface ResolvedPolicyConfig {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

/** A configuration error, naming the policy and property at fault. */
export class PolicyConfigError extends Error {
  override readonly name = 'PolicyConfigError';
}

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Validates a value against the subset of JSON Schema that policy config schemas use; returns the problems. */
export function validateAgainstSchema(value: unknown, schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type))) {
      return [`${path} must be ${types.join(' or ')}, got ${typeOf(value)} ${JSON.stringify(value)}`];
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    problems.push(`${path} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path} must be >= ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path} must be <= ${schema.maximum}, got ${value}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => problems.push(...validateAgainstSchema(item, schema.items as JsonSchema, `${path}[${index}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) problems.push(...validateAgainstSchema(child, propertySchema, `${path}.${key}`));
    }
  }
  return problems;
}

/**
 * Resolves user config for a pack's policies. Throws {@link PolicyConfigError} naming the policy and property
 * for an unknown policy, a bad enforcement level, an unknown property or a value that does not fit the schema.
 */
export function resolvePolicyConfig(
  policies: readonly PolicyDescriptor[],
  userConfig: Record<string, unknown> = {},
  packEnforcementLevel: EnforcementLevel = 'advisory',
): Map<string, ResolvedPolicyConfig> {
  const byName = new Map(policies.map((policy) => [policy.name, policy]));
  const problems: string[] = [];
  let allLevel: EnforcementLevel | undefined;
  if ('all' in userConfig) {
    const all = userConfig['all'];
    const level = typeof all === 'object' && all !== null ? (all as Record<string, unknown>)['enforcementLevel'] : all;
    if (isLevel(level)) allLevel = level;
    else problems.push(`"all": enforcement level must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  for (const name of Object.keys(userConfig)) {
    if (name !== 'all' && !byName.has(name)) problems.push(`"${name}": no policy of that name in the pack`);
  }
  const resolved = new Map<string, ResolvedPolicyConfig>();
  for (const policy of policies) {
    const given = userConfig[policy.name];
    let level: EnforcementLevel = allLevel ?? policy.enforcementLevel ?? packEnforcementLevel;
    let givenProperties: Record<string, unknown> = {};
    if (typeof given === 'string') {
      if (isLevel(given)) level = given;
      else problems.push(`"${policy.name}": enforcement level must be one of ${LEVELS.join(', ')}, got "${given}"`);
    } else if (given && typeof given === 'object' && !Array.isArray(given)) {
      const { enforcementLevel, ...rest } = given as Record<string, unknown>;
      if (enforcementLevel !== undefined) {
        if (isLevel(enforcementLevel)) level = enforcementLevel;
        else problems.push(`"${policy.name}".enforcementLevel must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(enforcementLevel)}`);
      }
      givenProperties = rest;
    } else if (given !== undefined) {
      problems.push(`"${policy.name}": expected an enforcement level or an object, got ${JSON.stringify(given)}`);
    }
    const schemaProperties = policy.configSchema?.properties ?? {};
    const properties: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(schemaProperties)) {
      if (schema.default !== undefined) properties[key] = structuredClone(schema.default);
    }
    for (const [key, value] of Object.entries(givenProperties)) {
      const schema = schemaProperties[key];
      if (!schema) {
        const known = Object.keys(schemaProperties);
        problems.push(`"${policy.name}".${key}: unknown property (known: ${known.length ? known.join(', ') : 'none'})`);
        continue;
      }
      problems.push(...validateAgainstSchema(value, schema, `"${policy.name}".${key}`));
      properties[key] = value;
    }
    for (const key of policy.configSchema?.required ?? []) {
      if (properties[key] === undefined) problems.push(`"${policy.name}".${key} is required`);
    }
    resolved.set(policy.name, { enforcementLevel: level, properties });
  }
  if (problems.length > 0) {
    throw new PolicyConfigError(`invalid policy pack config:\n  ${problems.join('\n  ')}`);
  }
  return resolved;
}
