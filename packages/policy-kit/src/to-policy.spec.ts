import { evaluateInProcess } from '@bulwark/offline/testing';
import { parseFindingMessage } from './finding-message';
import { resourceRule, stackRule } from './rule';
import { resource, UNKNOWN_VALUE } from './testing';
import { sampleMetadata } from './testing/sample-metadata';
import { toPolicy, type ToPolicyOptions } from './to-policy';
import { isUnknown, rawProps } from './values';

const metadata = sampleMetadata({ controls: { fsbp: ['SQS.1'] }, remediation: 'Set kmsMasterKeyId.' });

/** Flags a queue without a key; when the key is unknown, says the verdict is undecided. */
const queueEncrypted = resourceRule({
  metadata,
  configSchema: { properties: { requireKey: { type: 'boolean', default: true } } },
  check: ({ args, config, report, undecided }) => {
    const key = rawProps(args.props)['kmsMasterKeyId'];
    if (isUnknown(key)) undecided('kmsMasterKeyId', 'the key decides whether messages are encrypted');
    else if (config['requireKey'] && !key) report(`queue ${args.name} has no key`);
  },
});

/** A stack rule that is undecided about one queue by URN and about the stack as a whole. */
const queuesCounted = stackRule({
  metadata: { ...metadata, id: 'queues-counted', title: 'Queues are counted' },
  check: ({ args, undecided }) => {
    for (const queue of args.resources) undecided('tags', undefined, queue.urn);
    undecided('resources');
  },
});

const pack = (rules: Parameters<typeof toPolicy>[0][], waiverFor?: ToPolicyOptions['waiverFor']) => ({
  name: 'sample-pack',
  version: '0.0.0',
  policies: rules.map((rule) => toPolicy(rule, { waiverFor, docsUrl: 'https://example.com/rules.md' })),
});

describe('toPolicy', () => {
  it('carries the metadata CrossGuard shows: names, level, severity, framework, tags, remediation, docs url', () => {
    expect(toPolicy(queueEncrypted, { docsUrl: 'https://example.com/rules.md' })).toMatchObject({
      name: 'queue-encrypted',
      displayName: 'Queues are encrypted',
      enforcementLevel: 'mandatory',
      severity: 'high',
      framework: { name: 'AWS Foundational Security Best Practices', specification: 'SQS.1' },
      tags: ['service:sqs', 'fsbp:SQS.1'],
      remediationSteps: 'Set kmsMasterKeyId.',
      url: 'https://example.com/rules.md#queue-encrypted',
    });
    expect(toPolicy(queueEncrypted)).not.toHaveProperty('url');
  });

  it('reports a violation at the rule level, with the config defaults merged under the pack config', async () => {
    const queue = resource('aws:sqs/queue:Queue', {}, { name: 'orders' });
    expect(await evaluateInProcess(pack([queueEncrypted]), { resources: [queue] })).toEqual([
      expect.objectContaining({ policy: 'queue-encrypted', enforcement: 'mandatory', urn: queue.urn, message: 'Queues encrypt their messages.\nqueue orders has no key' }),
    ]);
    expect(await evaluateInProcess(pack([queueEncrypted]), { resources: [queue] }, { 'queue-encrypted': { requireKey: false } })).toEqual([]);
  });
});

describe('undecided findings', () => {
  it('are advisory, on the resource, naming the rule, the property and "unknown until apply"', async () => {
    const queue = resource('aws:sqs/queue:Queue', { kmsMasterKeyId: UNKNOWN_VALUE }, { name: 'orders' });
    const findings = await evaluateInProcess(pack([queueEncrypted]), { resources: [queue] }, { all: 'mandatory' });
    expect(findings).toEqual([expect.objectContaining({ policy: 'queue-encrypted', enforcement: 'advisory', urn: queue.urn })]);
    expect(parseFindingMessage(findings[0].message)).toEqual({
      kind: 'undecided',
      undecidedProperty: 'kmsMasterKeyId',
      text:
        'queue-encrypted cannot decide in this mode: `kmsMasterKeyId` is unknown until apply: the key decides whether messages are ' +
        'encrypted. The verdict comes from a run where the value is known (an update).',
    });
  });

  it('from a stack rule, land on the URN given or on the stack', async () => {
    const queue = resource('aws:sqs/queue:Queue', {}, { name: 'orders' });
    const findings = await evaluateInProcess(pack([queuesCounted]), { resources: [queue] });
    expect(findings.map((finding) => [finding.urn ?? 'stack', finding.enforcement, parseFindingMessage(finding.message).undecidedProperty])).toEqual([
      [queue.urn, 'advisory', 'tags'],
      ['stack', 'advisory', 'resources'],
    ]);
  });

  it('are waived like any finding, keeping both annotations', async () => {
    const queue = resource('aws:sqs/queue:Queue', { kmsMasterKeyId: UNKNOWN_VALUE }, { name: 'scratch' });
    const waiverFor = (rule: string, _urn: string | undefined, name: string | undefined) =>
      rule === 'queue-encrypted' && name === 'scratch' ? 'scratch queues (platform, expires 2030-01-31)' : undefined;
    const [finding] = await evaluateInProcess(pack([queueEncrypted], waiverFor), { resources: [queue] });
    expect(finding.enforcement).toBe('advisory');
    expect(parseFindingMessage(finding.message)).toMatchObject({ kind: 'undecided', undecidedProperty: 'kmsMasterKeyId', waiver: 'scratch queues (platform, expires 2030-01-31)' });
  });
});
