import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolicies, loadPackWaivers, PACK_NAME, PACK_ROOT, PACK_VERSION, RULES_DOCS_URL } from './pack';
import { allRules } from './rules';

describe('the aws-security pack', () => {
  it('is named and versioned by its package.json', () => {
    const manifest = JSON.parse(readFileSync(join(PACK_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(manifest.name).toBe(`@bulwark/${PACK_NAME}`);
    expect(PACK_NAME).toBe('aws-security');
    expect(PACK_VERSION).toBe(manifest.version);
  });

  it('serves one policy per catalog rule, in catalog order, named by rule id, pointing at its docs anchor', () => {
    const policies = createPolicies();
    expect(policies.map((policy) => policy.name)).toEqual(allRules.map((rule) => rule.metadata.id));
    for (const policy of policies) expect((policy as { url?: string }).url).toBe(`${RULES_DOCS_URL}#${policy.name}`);
  });
});

describe('loadPackWaivers', () => {
  it('loads the waivers.yaml the pack ships, whose only example has expired', () => {
    const shipped = loadPackWaivers();
    const now = new Date();
    for (const waiver of shipped) expect(new Date(`${waiver.expires}T00:00:00Z`).getTime()).toBeLessThan(now.getTime());
  });

  it('Noncompliance: a waiver for a rule id outside the catalog is a load error', () => {
    const directory = mkdtempSync(join(tmpdir(), 'pack-'));
    writeFileSync(
      join(directory, 'waivers.yaml'),
      'waivers:\n  - {rule: queue-encrypted, resource: "q-*", reason: r, owner: o, expires: 2030-01-01}\n',
    );
    expect(() => loadPackWaivers(directory)).toThrow('"rule" "queue-encrypted" is not a rule of this pack');
  });
});
