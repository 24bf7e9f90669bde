import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPolicies, loadPackWaivers, PACK_NAME, PACK_ROOT, PACK_VERSION, RULES_DOCS_URL } from './pack';
import { allRules } from './rules';

describe('the aws-deployability pack', () => {
  it('is named and versioned by its package.json', () => {
    const manifest = JSON.parse(readFileSync(join(PACK_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(manifest.name).toBe(`@bulwark/${PACK_NAME}`);
    expect(PACK_NAME).toBe('aws-deployability');
    expect(PACK_VERSION).toBe(manifest.version);
  });

  it('serves one policy per rule, named by rule id, pointing at its docs anchor', () => {
    const policies = createPolicies();
    expect(policies.map((policy) => policy.name)).toEqual(allRules.map((rule) => rule.metadata.id));
    for (const policy of policies) expect((policy as { url?: string }).url).toBe(`${RULES_DOCS_URL}#${policy.name}`);
  });

  it('loads the waivers.yaml it ships (none)', () => {
    expect(loadPackWaivers()).toEqual([]);
  });
});
