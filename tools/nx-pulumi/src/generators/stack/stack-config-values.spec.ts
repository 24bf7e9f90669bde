import { stackConfigRows, stackConfigValues, stackConfigYaml } from './stack-config-values';
import { type NormalizedStackOptions } from './stack-options';

const options = {
  region: 'eu-west-1',
  accounts: { dev: '111122223333', prod: '444455556666' },
  project: 'acme',
  uniqueId: 'x1y2z3',
} as unknown as NormalizedStackOptions;

describe('the config files of a new stack', () => {
  const values = stackConfigValues(options, 'team-audit');

  it('set the shared keys per environment, lists as YAML lists of quoted ids', () => {
    expect(stackConfigYaml(values, 'dev')).toBe(
      [
        'config:',
        '  aws:region: eu-west-1',
        '  aws:allowedAccountIds:',
        '    - "111122223333"',
        '  bulwark:environment: dev',
        '  bulwark:owner: team-audit',
        '  bulwark:project: acme',
        '  bulwark:uniqueId: x1y2z3',
        '  bulwark:logRetentionDays: 90',
        '  bulwark:kmsKeyDeletionWindowDays: 7',
        '',
      ].join('\n'),
    );
    expect(stackConfigYaml(values, 'prod')).toContain('  bulwark:kmsKeyDeletionWindowDays: 30\n');
  });

  it('quote what YAML would read as something else', () => {
    expect(stackConfigYaml(stackConfigValues(options, 'on'), 'dev')).toContain('  bulwark:owner: "on"\n');
    expect(stackConfigYaml(stackConfigValues(options, '2024'), 'dev')).toContain('  bulwark:owner: "2024"\n');
  });

  it('are described by the README rows, the same values per environment', () => {
    const rows = stackConfigRows(values).split('\n');
    expect(rows).toHaveLength(values.length);
    expect(rows).toContain('| `aws:allowedAccountIds` | the accounts the stack may deploy into (the provider refuses any other; the first is where it deploys) | `111122223333` | `444455556666` |');
    expect(rows).toContain('| `bulwark:kmsKeyDeletionWindowDays` | waiting period before a scheduled key deletion (days) | `7` | `30` |');
  });
});
