import { renderRulesReference, staleRulesReference } from '@bulwark/policy-kit';
import { RULES_DOCS_URL } from '../src/pack';
import { allRules } from '../src/rules';
import { RULES_REFERENCE_OPTIONS, RULES_REFERENCE_PATH } from './rules-reference';

describe('docs/deployability.md', () => {
  it(`is up to date with the rule metadata (stale: run \`${RULES_REFERENCE_OPTIONS.regenerateCommand}\`)`, () => {
    const problem = staleRulesReference(RULES_REFERENCE_PATH, allRules, RULES_REFERENCE_OPTIONS);
    if (problem) throw new Error(problem);
  });

  it('lists every rule with an anchor section citing its AWS documentation, where its policy url points', () => {
    const reference = renderRulesReference(allRules, RULES_REFERENCE_OPTIONS);
    expect(reference.startsWith('# Rule reference: the `aws-deployability` policy pack\n')).toBe(true);
    for (const { metadata } of allRules) {
      expect(reference).toContain(`| [${metadata.id}](#${metadata.id}) |`);
      expect(reference).toContain(`\n## ${metadata.id}\n`);
      for (const url of metadata.references ?? []) expect(reference).toContain(`- AWS documentation: <${url}>`);
    }
    expect(RULES_DOCS_URL).toMatch(/\/docs\/deployability\.md$/);
  });
});
