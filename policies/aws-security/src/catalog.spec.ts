/**
 * The pack against its catalogue: the policies it serves are exactly the rules of RULES.md's table (a verbatim
 * copy of the shared catalogue is committed beside the pack), each with the table's default level and
 * controls, complete metadata, config defaults for what RULES.md calls configurable, and a spec beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePolicyConfig, validateAgainstSchema, type JsonSchema, type PolicyDescriptor } from '@bulwark/offline';
import { createPolicies, PACK_ROOT, RULES_DOCS_URL } from './pack';
import { configDefaults, type RuleDefinition } from '@bulwark/policy-kit';
import { allRules } from './rules';
import { evaluate } from '@bulwark/policy-kit/testing';

interface CatalogEntry {
  readonly id: string;
  /** `M`, `A` or `M*` (mandatory, but disabled unless pack config enables it). */
  readonly level: string;
  readonly fsbp: string[];
  readonly cis: string[];
}

const FSBP_ID = /^[A-Za-z0-9]+\.\d+$/;
const CIS_ID = /^\d+(\.\d+)+$/;

/** Expands `CloudTrail.1, .2, .4` into full FSBP ids; entries that are not control ids (`tagging standard`) drop out. */
function fsbpIds(text: string): string[] {
  const ids: string[] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    const previous = ids[ids.length - 1];
    const id = part.startsWith('.') && previous ? `${previous.slice(0, previous.indexOf('.'))}${part}` : part;
    if (FSBP_ID.test(id)) ids.push(id);
  }
  return ids;
}

function cisIds(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => CIS_ID.test(item));
}

/** Reads the rule table of RULES.md: `| id | lvl | what | types | FSBP / CIS | from |`. */
function parseCatalog(markdown: string): CatalogEntry[] {
  const rows = markdown.split('\n').filter((line) => /^\| [a-z0-9-]+ \| (M\*?|A) \|/.test(line));
  return rows.map((row) => {
    const cells = row.split('|').map((item) => item.trim());
    const [id, level, controls] = [cells[1], cells[2], cells[5]];
    const [first, second] = controls.split(' / ');
    if (second !== undefined) return { id, level, fsbp: fsbpIds(first), cis: cisIds(second) };
    // A single column is FSBP when it holds FSBP ids, CIS when it holds CIS ids.
    return { id, level, fsbp: fsbpIds(first), cis: cisIds(first) };
  });
}

const packRoot = PACK_ROOT;
const catalog = parseCatalog(readFileSync(join(packRoot, 'RULES.md'), 'utf8'));
const byId = new Map(allRules.map((rule) => [rule.metadata.id, rule]));
const policies = createPolicies();
const ruleCases = catalog.map((entry) => [entry.id, entry] as const);

/** Values RULES.md names as defaults of configurable rules; each must be some property's default. */
const NAMED_DEFAULTS: Record<string, unknown[]> = {
  'iam-password-policy': [14, 24, 90],
  'log-group-retention-kms': [90],
  'rds-backup-retention': [7],
  'guardduty-enabled': [expect.stringMatching(/FIFTEEN_MINUTES|^15$/)],
  'cloudtrail-data-events': [true],
  'required-tags': [expect.arrayContaining(['Environment', 'Owner', 'Project'])],
  'no-hardcoded-account-ids': [[]],
};

/** Config properties RULES.md names explicitly. */
const NAMED_PROPERTIES: Record<string, string[]> = {
  'guardduty-enabled': ['regions'],
  'no-hardcoded-account-ids': ['allowedAccountIds'],
};

function ruleFor(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (!rule) throw new Error(`RULES.md lists "${id}" but no rule in src/rules has that id`);
  return rule;
}

describe('the rule catalogue', () => {
  it('the committed RULES.md copy holds the whole table', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(44);
    expect(new Set(catalog.map((entry) => entry.id)).size).toBe(catalog.length);
    const shared = join(packRoot, '..', '..', '..', 'shared', 'RULES.md');
    // Where the shared catalogue sits beside the checkout, the copy must be verbatim.
    if (existsSync(shared)) expect(readFileSync(join(packRoot, 'RULES.md'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it("the pack's policy names are exactly the ids of RULES.md's table, in catalog order", () => {
    const names = policies.map((policy) => policy.name);
    expect([...names].sort()).toEqual(catalog.map((entry) => entry.id).sort());
    expect(names).toEqual(catalog.map((entry) => entry.id));
  });

  describe.each(ruleCases)('%s', (id, entry) => {
    it('has the default level RULES.md gives it', async () => {
      const rule = ruleFor(id);
      const policy = policies.find((candidate) => candidate.name === id);
      expect(policy?.enforcementLevel).toBe(rule.metadata.enforcementLevel);
      if (entry.level === 'M') expect(rule.metadata.enforcementLevel).toBe('mandatory');
      if (entry.level === 'A') expect(rule.metadata.enforcementLevel).toBe('advisory');
      if (entry.level === 'M*') {
        // Off by default: either its level is `disabled`, or a boolean switch defaulting to false turns it on.
        const switches = Object.values((rule.configSchema?.properties ?? {}) as Record<string, JsonSchema>).filter(
          (property) => property.type === 'boolean' && property.default === false,
        );
        expect(rule.metadata.enforcementLevel === 'disabled' || (rule.metadata.enforcementLevel === 'mandatory' && switches.length > 0)).toBe(true);
        expect(await evaluate(rule, [])).toEqual([]);
      }
    });

    it('maps to the FSBP and CIS controls of RULES.md', () => {
      const { controls } = ruleFor(id).metadata;
      expect([...(controls.fsbp ?? [])]).toEqual(entry.fsbp);
      expect([...(controls.cis ?? [])]).toEqual(entry.cis);
    });

    it('has complete metadata', () => {
      const rule = ruleFor(id);
      const { metadata } = rule;
      expect(metadata.id).toBe(id);
      expect(metadata.title.trim()).not.toBe('');
      expect(metadata.description.trim().length).toBeGreaterThan(20);
      expect(metadata.remediation.trim().length).toBeGreaterThan(20);
      expect(['low', 'medium', 'high', 'critical']).toContain(metadata.severity);
      expect(metadata.resourceTypes.length).toBeGreaterThan(0);
      for (const type of metadata.resourceTypes) expect(type).toMatch(/^(\*|[a-z0-9-]+:[A-Za-z0-9/._-]+:[A-Za-z0-9]+)$/);
      const policy = policies.find((candidate) => candidate.name === id) as { url?: string; severity?: string; remediationSteps?: string };
      expect(policy.url).toBe(`${RULES_DOCS_URL}#${id}`);
      expect(policy.severity).toBe(metadata.severity);
      expect(policy.remediationSteps).toBe(metadata.remediation);
    });

    it('lives in src/rules/<service>/<rule-id>.ts with its spec beside it', () => {
      const { service } = ruleFor(id).metadata;
      const base = join(packRoot, 'src', 'rules', service, id);
      expect(existsSync(`${base}.ts`) ? `${base}.ts` : `missing ${base}.ts`).toBe(`${base}.ts`);
      expect(existsSync(`${base}.spec.ts`) ? `${base}.spec.ts` : `missing ${base}.spec.ts`).toBe(`${base}.spec.ts`);
    });

    it('declares every config property with a type, a description and a default that fits its schema', () => {
      const rule = ruleFor(id);
      const properties = (rule.configSchema?.properties ?? {}) as Record<string, JsonSchema>;
      expect(Object.keys(properties)).not.toContain('enforcementLevel');
      for (const [name, property] of Object.entries(properties)) {
        expect({ name, type: typeof property.type, description: typeof property.description, hasDefault: 'default' in property }).toEqual({
          name,
          type: 'string',
          description: 'string',
          hasDefault: true,
        });
        expect(validateAgainstSchema(property.default, property, `${id}.${name}`)).toEqual([]);
      }
      const defaults = Object.values(configDefaults(rule.configSchema));
      for (const value of NAMED_DEFAULTS[id] ?? []) expect(defaults).toContainEqual(value);
      for (const name of NAMED_PROPERTIES[id] ?? []) expect(Object.keys(properties)).toContain(name);
    });
  });

  it('every rule in src/rules is in the catalogue', () => {
    const listed = new Set(catalog.map((entry) => entry.id));
    expect(allRules.map((rule) => rule.metadata.id).filter((id) => !listed.has(id))).toEqual([]);
  });
});

describe('pack config, the standard CrossGuard way', () => {
  const descriptors = policies as unknown as PolicyDescriptor[];
  const levels = (config: Record<string, unknown>) =>
    Object.fromEntries([...resolvePolicyConfig(descriptors, config)].map(([name, resolved]) => [name, resolved.enforcementLevel]));

  it('resolves with no config to every rule at its default level and its schema defaults', () => {
    const resolved = resolvePolicyConfig(descriptors, {});
    for (const rule of allRules) {
      expect(resolved.get(rule.metadata.id)).toEqual({
        enforcementLevel: rule.metadata.enforcementLevel,
        properties: configDefaults(rule.configSchema),
      });
    }
  });

  it('{"all": "mandatory"} makes every rule mandatory; {"<rule-id>": "advisory"} changes one rule', () => {
    expect(new Set(Object.values(levels({ all: 'mandatory' })))).toEqual(new Set(['mandatory']));
    const [first, second] = allRules.map((rule) => rule.metadata.id);
    const oneAdvisory = levels({ all: 'mandatory', [first]: 'advisory' });
    expect(oneAdvisory[first]).toBe('advisory');
    expect(oneAdvisory[second]).toBe('mandatory');
  });

  it('{"<rule-id>": {"enforcementLevel": ..., "<property>": ...}} sets a level and properties', () => {
    const configurable = allRules.find((rule) => Object.keys(rule.configSchema?.properties ?? {}).length > 0);
    if (!configurable) throw new Error('no configurable rule in the pack: RULES.md names several');
    const [property, schema] = Object.entries(configurable.configSchema?.properties ?? {})[0] as [string, JsonSchema];
    const resolved = resolvePolicyConfig(descriptors, {
      [configurable.metadata.id]: { enforcementLevel: 'disabled', [property]: schema.default },
    }).get(configurable.metadata.id);
    expect(resolved?.enforcementLevel).toBe('disabled');
    expect(resolved?.properties[property]).toEqual(schema.default);
  });
});
