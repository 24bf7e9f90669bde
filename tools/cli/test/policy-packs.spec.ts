/**
 * Policy packs that misbehave or configure themselves, through the `bulwark` command: a pack that never answers
 * Analyze is reported against the resource it hangs on (not the stack, whose call merely waited behind it), with
 * a waiting line on stderr first and the limit set by --pack-timeout; `bulwark rules` lists the levels a check
 * would enforce, the pack's initial config and --policy-pack-config applied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulwark, linkNodeModules, removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

const PACKS = path.resolve(__dirname, '..', 'test-fixtures', 'packs');

let root: string;

beforeAll(() => {
  root = temporaryDirectory();
  linkNodeModules(root);
  writeProgram(path.join(root, 'alerts'), {
    'Pulumi.yaml': 'name: alerts\nruntime: nodejs\n',
    'index.ts': [
      "import * as aws from '@pulumi/aws';",
      "new aws.s3.Bucket('archive');",
      "new aws.sns.Topic('alerts');",
      "new aws.sqs.Queue('jobs');",
    ].join('\n'),
  });
});

afterAll(removeTemporaryDirectories);

describe('a policy pack that never answers Analyze', () => {
  it('is reported against the resource it hangs on, after a waiting line, within --pack-timeout', async () => {
    const started = Date.now();
    const result = await bulwark(['check', 'alerts', '--policy-pack', path.join(PACKS, 'hang-pack'), '--pack-timeout', 'analyze=3s', '--format', 'json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/waiting for policy pack .*hang-pack: Analyze of urn:pulumi:dev::alerts::\S+ has not answered for \d+ s/);
    expect(result.stderr).toContain(
      'Analyze of aws:sns/topic:Topic "alerts" (urn:pulumi:dev::alerts::aws:sns/topic:Topic::alerts) did not answer within 3000 ms',
    );
    expect(result.stderr).not.toMatch(/Analyze of pulumi:pulumi:Stack/);
    expect(JSON.parse(result.stdout).error.message).toContain('the pack hangs on this resource');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('refuses a --pack-timeout it cannot read, saying what it accepts', async () => {
    const result = await bulwark(['check', 'alerts', '--pack-timeout', 'forever'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pack-timeout "forever": "forever" is not NAME=DURATION (e.g. --pack-timeout 90s or --pack-timeout start=60s,analyze=5m');
  });
});

describe('bulwark rules --policy-pack', () => {
  it('shows the levels a check enforces: the pack’s own initial config, then --policy-pack-config', async () => {
    const strict = path.join(PACKS, 'strict-pack');
    const shipped = await bulwark(['rules', '--policy-pack', strict, '--format', 'json'], root);
    expect(shipped.code).toBe(0);
    const levels = (stdout: string) =>
      Object.fromEntries((JSON.parse(stdout).rules as { id: string; enforcementLevel: string }[]).map((rule) => [rule.id, rule.enforcementLevel]));
    expect(levels(shipped.stdout)).toEqual({ 'no-topics': 'mandatory', 'no-queues': 'mandatory' });
    const config = path.join(root, 'strict-config.json');
    fs.writeFileSync(config, JSON.stringify({ 'no-queues': 'advisory' }));
    const configured = await bulwark(['rules', '--policy-pack', strict, '--policy-pack-config', config, '--format', 'json'], root);
    expect(levels(configured.stdout)).toEqual({ 'no-topics': 'mandatory', 'no-queues': 'advisory' });
    // The same levels as a check enforces with that config.
    const check = await bulwark(['check', 'alerts', '--policy-pack', strict, '--policy-pack-config', config, '--format', 'json'], root);
    expect(check.code).toBe(1);
    const violations = JSON.parse(check.stdout).stacks[0].violations as { policy: string; enforcement: string }[];
    expect(violations.map((violation) => [violation.policy, violation.enforcement]).sort()).toEqual([
      ['no-queues', 'advisory'],
      ['no-topics', 'mandatory'],
    ]);
  });
});
