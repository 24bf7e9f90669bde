/**
 * Property-based robustness test: every rule, on generated resources of every type it covers (random,
 * missing, wrong-typed and unknown properties, realistic shapes, linked stacks), must never throw, never trip
 * the SDK's unknown-value proxy, and only report on resources of the stack it was given. At least 10,000
 * resources go through the rules per run; a failure prints the rule and fast-check's shrunk input.
 */
import fc from 'fast-check';
import { type Finding, type ResourceRecord } from '@bulwark/offline';
import { type RuleDefinition } from '@bulwark/policy-kit';
import { allRules } from './rules';
import { evaluate } from '@bulwark/policy-kit/testing';
import { stackOf } from './fuzz/arbitraries';

const MINIMUM_RESOURCES = 10_000;
/** Smallest batch per generated case: resource rules see 2..5 resources at once, stack rules 3..8. */
const BATCH = { resource: { min: 2, max: 5 }, stack: { min: 3, max: 8 } } as const;

const everyType = [...new Set(allRules.flatMap((rule) => rule.metadata.resourceTypes).filter((type) => type !== '*'))].sort();
/** A rule covering more types than this is fed all of them mixed, plus a sweep over each type. */
const MANY_TYPES = 8;
/** Resources per type in the sweep of a many-type rule. */
const SWEEP_SAMPLES = 3;

function typesOf(rule: RuleDefinition): string[] {
  return rule.metadata.resourceTypes.includes('*') ? everyType : [...rule.metadata.resourceTypes];
}

/**
 * The cases to feed: stack rules see a mix of all their types (that is what links them); resource rules one
 * type at a time, next to a resource of an unrelated type they must leave alone, or all their types mixed
 * when they cover many.
 */
const cases: Array<{ rule: RuleDefinition; types: string[]; title: string }> = allRules.flatMap((rule) => {
  const types = typesOf(rule);
  if (rule.kind === 'stack' || types.length > MANY_TYPES) {
    return [{ rule, types, title: `${rule.metadata.id} on ${types.length > MANY_TYPES ? `${types.length} types mixed` : types.join(', ')}` }];
  }
  return types.map((type) => ({ rule, types: [type, 'aws:sqs/queue:Queue'], title: `${rule.metadata.id} on ${type}` }));
});
const sweeps = allRules.filter((rule) => typesOf(rule).length > MANY_TYPES);

const minimumPerRun = cases.reduce((sum, { rule }) => sum + BATCH[rule.kind].min, 0);
const numRuns = Math.max(1, Math.ceil(MINIMUM_RESOURCES / Math.max(1, minimumPerRun)));
let resourcesFed = 0;

function problemsWith(findings: readonly Finding[], records: readonly ResourceRecord[]): string[] {
  const urns = new Set(records.map((record) => record.urn));
  return findings.flatMap((finding) => {
    const problems: string[] = [];
    if (finding.message.startsWith("can't run policy")) problems.push(`read an unknown value through the SDK proxy: ${finding.message}`);
    if (finding.urn !== undefined && !urns.has(finding.urn)) problems.push(`reported on ${finding.urn}, which is not in the stack`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') problems.push('reported an empty message');
    return problems;
  });
}

describe('every rule survives generated resources', () => {
  it('has rules and cases to feed', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((entry) => [entry.title, entry] as const))('%s', (_title, { rule, types }) => {
    it('never throws, never touches an unknown through the proxy, reports only on its stack', async () => {
      const { min, max } = BATCH[rule.kind];
      await fc.assert(
        fc.asyncProperty(stackOf(types, min, max), async (records) => {
          let findings: Finding[];
          try {
            findings = await evaluate(rule, records);
          } catch (error) {
            throw new Error(`rule ${rule.metadata.id} threw: ${(error as Error).message}`, { cause: error });
          }
          resourcesFed += records.length;
          const problems = problemsWith(findings, records);
          if (problems.length > 0) throw new Error(`rule ${rule.metadata.id}: ${problems.join('; ')}`);
        }),
        { numRuns, endOnFailure: false },
      );
    });
  });

  describe.each(sweeps.map((rule) => [rule.metadata.id, rule] as const))('%s, type by type', (_id, rule) => {
    it(`survives ${SWEEP_SAMPLES} generated resources of each type it covers`, async () => {
      for (const type of typesOf(rule)) {
        const stacks = fc.sample(stackOf([type], 1, 1), { numRuns: SWEEP_SAMPLES, seed: type.length });
        const records = stacks.flat();
        let findings: Finding[];
        try {
          findings = await evaluate(rule, records);
        } catch (error) {
          throw new Error(`rule ${rule.metadata.id} threw on ${type}: ${(error as Error).message}\ninput: ${JSON.stringify(records.map((r) => r.inputs))}`, { cause: error });
        }
        resourcesFed += records.length;
        const problems = problemsWith(findings, records);
        if (problems.length > 0) throw new Error(`rule ${rule.metadata.id} on ${type}: ${problems.join('; ')}`);
      }
    });
  });

  it(`fed at least ${MINIMUM_RESOURCES} resources through the rules`, () => {
    expect(resourcesFed).toBeGreaterThanOrEqual(MINIMUM_RESOURCES);
  });
});
