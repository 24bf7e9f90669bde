/**
 * The pack's catalogue: every rule has complete metadata (including the AWS documentation it encodes), lives in
 * `src/rules/<service>/<rule-id>.ts` with its spec beside it, and that spec holds a compliant case, a violating
 * case and a preview (unknown values) case, named as such.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPolicies, PACK_ROOT, RULES_DOCS_URL } from './pack';
import { allRules } from './rules';

const policies = createPolicies();
const cases = allRules.map((rule) => [rule.metadata.id, rule] as const);

describe('the deployability catalogue', () => {
  it('serves every rule once, in src/rules order', () => {
    expect(policies.map((policy) => policy.name)).toEqual(allRules.map((rule) => rule.metadata.id));
    expect(new Set(policies.map((policy) => policy.name)).size).toBe(allRules.length);
  });

  describe.each(cases)('%s', (id, rule) => {
    const base = join(PACK_ROOT, 'src', 'rules', rule.metadata.service, id);

    it('has complete metadata, citing the AWS documentation it encodes', () => {
      const { metadata } = rule;
      expect(metadata.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(metadata.title.trim()).not.toBe('');
      expect(metadata.description.trim().length).toBeGreaterThan(40);
      expect(metadata.remediation.trim().length).toBeGreaterThan(20);
      expect(['low', 'medium', 'high', 'critical']).toContain(metadata.severity);
      expect(metadata.resourceTypes.length).toBeGreaterThan(0);
      expect(metadata.references?.length ?? 0).toBeGreaterThan(0);
      for (const url of metadata.references ?? []) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
      const policy = policies.find((candidate) => candidate.name === id) as { url?: string; remediationSteps?: string };
      expect(policy.url).toBe(`${RULES_DOCS_URL}#${id}`);
      expect(policy.remediationSteps).toBe(metadata.remediation);
    });

    it('lives in src/rules/<service>/<rule-id>.ts with its spec beside it', () => {
      expect(existsSync(`${base}.ts`) ? 'rule' : `missing ${base}.ts`).toBe('rule');
      expect(existsSync(`${base}.spec.ts`) ? 'spec' : `missing ${base}.spec.ts`).toBe('spec');
    });

    it('its spec has compliant, violating and preview (unknown values) cases', () => {
      const spec = existsSync(`${base}.spec.ts`) ? readFileSync(`${base}.spec.ts`, 'utf8') : '';
      expect({ compliance: /it(\.each\([^)]*\))?\(\s*['"`]Compliance/.test(spec), noncompliance: /['"`]Noncompliance/.test(spec), preview: /['"`]Preview/.test(spec) }).toEqual({
        compliance: true,
        noncompliance: true,
        preview: true,
      });
    });
  });
});
