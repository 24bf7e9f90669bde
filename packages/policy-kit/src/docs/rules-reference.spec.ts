import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceRule } from '../rule';
import { renderRulesReference, staleRulesReference, writeRulesReference } from './rules-reference';

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

const options = { packName: 'sample-pack', generator: 'scripts/generate-docs.ts', regenerateCommand: 'npm run docs', intro: ['Waivers live in `waivers.yaml`.'] };

describe('renderRulesReference', () => {
  it('names the pack, the generator and the command in the header, then the intro', () => {
    const reference = renderRulesReference([sample], options);
    expect(reference.startsWith('# Rule reference: the `sample-pack` policy pack\n')).toBe(true);
    expect(reference).toContain('<!-- Generated from the rule metadata by `npm run docs` (scripts/generate-docs.ts). Do not edit by hand. -->');
    expect(reference).toContain('The pack has 1 rules.');
    expect(reference).toContain('\nWaivers live in `waivers.yaml`.\n');
    expect(renderRulesReference([sample], { ...options, title: 'Deployability rules' }).startsWith('# Deployability rules\n')).toBe(true);
  });

  it('renders a rule\'s decisions, when it has any, under its description', () => {
    const decided = resourceRule({ ...sample, metadata: { ...sample.metadata, decisions: ['An unknown key is undecided.', 'A /1 is not the internet.'] } });
    expect(renderRulesReference([decided], options)).toContain(
      ['Queues encrypt their messages.', '', 'How it decides:', '', '- An unknown key is undecided.', '- A /1 is not the internet.', '', '- Default level: mandatory'].join('\n'),
    );
    expect(renderRulesReference([sample], options)).not.toContain('How it decides:');
  });

  it('renders a rule with its level, severity, frameworks, types, config defaults and remediation', () => {
    const reference = renderRulesReference([sample], options);
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
    const reference = renderRulesReference([plain], options);
    expect(reference).toContain('- Framework: none');
    expect(reference).toContain('No configuration properties; only the enforcement level can be changed.');
  });
});

describe('writeRulesReference and staleRulesReference', () => {
  it('write the page, and tell a fresh page from a stale or missing one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rules-reference-')), 'docs', 'rules.md');
    expect(staleRulesReference(path, [sample], options)).toBe(`${path} is missing: run \`npm run docs\` and commit the result`);
    writeRulesReference(path, [sample], options);
    expect(staleRulesReference(path, [sample], options)).toBeUndefined();
    writeFileSync(path, 'edited by hand\n');
    expect(staleRulesReference(path, [sample], options)).toContain(`${path} is stale: the rule metadata changed. Run \`npm run docs\``);
  });
});
