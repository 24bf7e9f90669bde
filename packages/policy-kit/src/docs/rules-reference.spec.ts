import { readFileSync } from 'node:fs';
import { findPackRoot } from '../src/pack';
import { resourceRule, RULES_DOCS_URL } from '../src/rule';
import { allRules } from '../src/rules';
import { REGENERATE_COMMAND, renderRulesReference, rulesReferencePath } from './rules-reference';

const sample = resourceRule({
  metadata: {
    id: 'queue-encrypted',
    title: 'Queues are encrypted | at rest',
    description: 'Queues encrypt their messages.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'sqs',
    controls: { fsbp: ['SQS.1'], cis: ['9.9'] },
    resourceTypes: ['aws:sqs/queue:Queue'],
    remediation: 'Set `kmsMasterKeyId` on the queue.',
  },
  configSchema: {
    properties: {
      allowedKeys: { type: 'array', items: { type: 'string' }, description: 'Keys | aliases allowed.', default: ['alias/queues'] },
    },
  },
  check: () => undefined,
});

describe('docs/rules.md', () => {
  it(`is up to date with the rule metadata (stale: run \`${REGENERATE_COMMAND}\` in policies/aws-security)`, () => {
    const path = rulesReferencePath(findPackRoot());
    let committed: string;
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`${path} is missing: run \`${REGENERATE_COMMAND}\` in policies/aws-security`);
    }
    if (committed !== renderRulesReference(allRules)) {
      throw new Error(`${path} is stale: the rule metadata changed. Run \`${REGENERATE_COMMAND}\` in policies/aws-security and commit the result.`);
    }
  });

  it('lists every rule in the table of contents and gives each an anchor section', () => {
    const reference = renderRulesReference(allRules);
    for (const { metadata } of allRules) {
      expect(reference).toContain(`| [${metadata.id}](#${metadata.id}) |`);
      expect(reference).toContain(`\n## ${metadata.id}\n`);
      // Each rule's `url` points at its anchor in this document.
      expect(`${RULES_DOCS_URL}#${metadata.id}`).toMatch(/docs\/rules\.md#[a-z0-9-]+$/);
    }
  });

  it('renders a rule with its level, severity, frameworks, types, config defaults and remediation', () => {
    const reference = renderRulesReference([sample]);
    expect(reference).toContain('| [queue-encrypted](#queue-encrypted) | Queues are encrypted \\| at rest | mandatory | high | SQS.1 | 9.9 |');
    expect(reference).toContain(
      [
        '## queue-encrypted',
        '',
        '**Queues are encrypted | at rest**',
        '',
        'Queues encrypt their messages.',
        '',
        '- Default level: mandatory',
        '- Severity: high',
        '- Kind: resource rule',
        '- Service: sqs',
        '- Framework: AWS Foundational Security Best Practices: SQS.1',
        '- Framework: CIS AWS Foundations Benchmark v3.0.0: 9.9',
        '- Resource types: `aws:sqs/queue:Queue`',
        '',
        '### Configuration',
        '',
        '| property | type | default | description |',
        '|---|---|---|---|',
        '| `allowedKeys` | array | `["alias/queues"]` | Keys \\| aliases allowed. |',
        '',
        '### Remediation',
        '',
        'Set `kmsMasterKeyId` on the queue.',
      ].join('\n'),
    );
  });

  it('says so when a rule has no configuration and no framework mapping', () => {
    const plain = { ...sample, configSchema: undefined, metadata: { ...sample.metadata, controls: {} } };
    const reference = renderRulesReference([plain]);
    expect(reference).toContain('- Framework: none');
    expect(reference).toContain('No configuration properties; only the enforcement level can be changed.');
  });
});
