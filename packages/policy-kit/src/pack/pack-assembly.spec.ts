import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Finding, type ResourceRecord } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';
import { parseFindingMessage } from '../finding-message';
import { resourceRule, stackRule } from '../rule';
import { resource } from '../testing';
import { sampleMetadata } from '../testing/sample-metadata';
import { parseWaivers, type Waiver } from '../waivers/waiver-file';
import { createPolicies, findPackRoot, loadPackWaivers, readPackManifest, type CreatePoliciesOptions } from './pack-assembly';

const isWaived = (finding: Finding) => parseFindingMessage(finding.message).waiver !== undefined;

/** A rule of this spec: flags every queue whose `encrypted` input is not true. */
const queueEncrypted = resourceRule({
  metadata: sampleMetadata(),
  check: ({ args, report }) => {
    if (args.type === 'aws:sqs/queue:Queue' && args.props['encrypted'] !== true) report(`queue ${args.name} is not encrypted`);
  },
});

/** A stack rule of this spec: one finding per queue (on the queue) and one about the stack as a whole. */
const queuesCounted = stackRule({
  metadata: { ...queueEncrypted.metadata, id: 'queues-counted', title: 'Queues are counted' },
  check: ({ args, report }) => {
    for (const queue of args.resources.filter((r) => r.type === 'aws:sqs/queue:Queue')) report('counted', queue.urn);
    report('the stack has queues');
  },
});

const rules = [queueEncrypted, queuesCounted];
const waiversFrom = (yaml: string) => parseWaivers(yaml, { source: 'waivers.yaml', ruleIds: rules.map((r) => r.metadata.id) });

async function findings(records: ResourceRecord[], options: CreatePoliciesOptions, config: Record<string, unknown> = {}): Promise<Finding[]> {
  return evaluateInProcess({ name: 'sample-pack', version: '0.0.0', policies: createPolicies(options) }, { resources: records }, config);
}

/** A directory with the files given, for pack-directory tests. */
function packDirectory(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'pack-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

const JANUARY_2030 = () => new Date('2030-01-10T08:00:00Z');
const scratch = resource('aws:sqs/queue:Queue', {}, { name: 'scratch-jobs' });
const orders = resource('aws:sqs/queue:Queue', {}, { name: 'orders' });

describe('createPolicies', () => {
  it('serves one policy per rule, in rule order, named by rule id, with its docs url', () => {
    const policies = createPolicies({ rules, docsUrl: 'https://example.com/rules.md' });
    expect(policies.map((policy) => [policy.name, (policy as { url?: string }).url])).toEqual([
      ['queue-encrypted', 'https://example.com/rules.md#queue-encrypted'],
      ['queues-counted', 'https://example.com/rules.md#queues-counted'],
    ]);
  });

  it('refuses two rules with the same id', () => {
    expect(() => createPolicies({ rules: [queueEncrypted, queueEncrypted] })).toThrow('two rules share the id "queue-encrypted"');
  });
});

describe('waivers in a pack', () => {
  const waivers: Waiver[] = waiversFrom(`
waivers:
  - rule: queue-encrypted
    resource: "scratch-*"
    reason: scratch queues hold no data (SEC-12)
    owner: platform-team
    expires: 2030-01-31
`);

  it('Compliance: a valid waiver reports the finding as advisory with "waived: reason (owner, expires)"', async () => {
    const result = await findings([scratch, orders], { rules: [queueEncrypted], waivers, now: JANUARY_2030 });
    const byUrn = new Map(result.map((finding) => [finding.urn, finding]));
    expect(byUrn.get(scratch.urn)).toMatchObject({
      policy: 'queue-encrypted',
      enforcement: 'advisory',
      message: 'queue scratch-jobs is not encrypted\nwaived: scratch queues hold no data (SEC-12) (platform-team, expires 2030-01-31)',
    });
    expect(isWaived(byUrn.get(scratch.urn) as Finding)).toBe(true);
    // The glob does not cover `orders`: that finding keeps its level.
    expect(byUrn.get(orders.urn)).toMatchObject({ policy: 'queue-encrypted', enforcement: 'mandatory' });
    expect(isWaived(byUrn.get(orders.urn) as Finding)).toBe(false);
  });

  it('Noncompliance: an expired waiver no longer waives', async () => {
    const result = await findings([scratch], { rules: [queueEncrypted], waivers, now: () => new Date('2030-02-01T00:00:00Z') });
    expect(result).toEqual([expect.objectContaining({ policy: 'queue-encrypted', enforcement: 'mandatory', urn: scratch.urn })]);
    expect(result[0].message).not.toContain('waived');
  });

  it('a waived finding stays advisory even when pack config makes every rule mandatory', async () => {
    const result = await findings([scratch], { rules: [queueEncrypted], waivers, now: JANUARY_2030 }, { all: 'mandatory' });
    expect(result).toEqual([expect.objectContaining({ enforcement: 'advisory', urn: scratch.urn })]);
  });

  it('matches a URN glob, and waives stack-rule findings on the resource they name', async () => {
    const urnWaivers = waiversFrom(`
waivers:
  - rule: queues-counted
    resource: "urn:pulumi:*::aws:sqs/queue:Queue::scratch-*"
    reason: counted elsewhere
    owner: data-team
    expires: 2030-12-31
`);
    const result = await findings([scratch, orders], { rules: [queuesCounted], waivers: urnWaivers, now: JANUARY_2030 });
    const summary = result.map((finding) => [finding.urn ?? 'stack', finding.enforcement, isWaived(finding)]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [scratch.urn, 'advisory', true],
        [orders.urn, 'mandatory', false],
        ['stack', 'mandatory', false],
      ]),
    );
    expect(summary).toHaveLength(3);
  });

  it('a lone * waives stack-wide findings too', async () => {
    const everything = waiversFrom(
      'waivers:\n  - {rule: queues-counted, resource: "*", reason: migration, owner: me, expires: 2030-12-31}\n',
    );
    const result = await findings([orders], { rules: [queuesCounted], waivers: everything, now: JANUARY_2030 });
    expect(result.map((finding) => [finding.urn ?? 'stack', finding.enforcement])).toEqual(
      expect.arrayContaining([
        [orders.urn, 'advisory'],
        ['stack', 'advisory'],
      ]),
    );
  });
});

describe('the pack directory', () => {
  it('is found from any folder below the one holding PulumiPolicy.yaml', () => {
    const root = packDirectory({ 'PulumiPolicy.yaml': 'runtime: nodejs\n' });
    mkdirSync(join(root, 'bin', 'src'), { recursive: true });
    expect(findPackRoot(join(root, 'bin', 'src'))).toBe(root);
    expect(() => findPackRoot(tmpdir())).toThrow('cannot find the policy pack directory (PulumiPolicy.yaml) above');
  });

  it("names the pack after its package, without the scope, and reports the package's version", () => {
    expect(readPackManifest(packDirectory({ 'package.json': '{"name": "@bulwark/aws-security", "version": "1.2.3"}' }))).toEqual({
      name: 'aws-security',
      version: '1.2.3',
    });
    expect(readPackManifest(packDirectory({ 'package.json': '{"name": "plain-pack", "version": "0.1.0"}' })).name).toBe('plain-pack');
    const unnamed = packDirectory({ 'package.json': '{"version": "0.1.0"}' });
    expect(() => readPackManifest(unnamed)).toThrow(`${join(unnamed, 'package.json')}: "name" is missing`);
  });
});

describe('loadPackWaivers', () => {
  it('Noncompliance: an invalid entry is a load error naming the file, the entry and the field', () => {
    const directory = packDirectory({ 'waivers.yaml': 'waivers:\n  - {rule: queue-encrypted, resource: "q-*", reason: r, expires: 2030-01-01}\n' });
    expect(() => loadPackWaivers(directory, rules)).toThrow(`${join(directory, 'waivers.yaml')}: waivers[0] (rule queue-encrypted): "owner" is missing`);
  });

  it('Noncompliance: a waiver for a rule id the pack does not serve is a load error', () => {
    const directory = packDirectory({ 'waivers.yaml': 'waivers:\n  - {rule: other-rule, resource: "q-*", reason: r, owner: o, expires: 2030-01-01}\n' });
    expect(() => loadPackWaivers(directory, rules)).toThrow('"rule" "other-rule" is not a rule of this pack');
  });
});
