/**
 * @bulwark/policy-kit/testing: test helpers for rules. Build resources as the engine records them and evaluate
 * rules on them in-process, with the policy SDK's own semantics (unknown-checking proxy, config defaults,
 * enforcement levels), then read findings back as reports do.
 */
import { UNKNOWN } from '@bulwark/aws-model';
import { runProgram, type Finding, type ResourceRecord, type RunProgramOptions } from '@bulwark/offline';
import { evaluateInProcess, type InProcessPack } from '@bulwark/offline/testing';
import { parseFindingMessage } from '../finding-message';
import { type RuleDefinition } from '../rule';
import { toPolicy } from '../to-policy';
import { type WaiverLookup } from '../waivers/waiver-lookup';

/** The engine's unknown sentinel: use it for values that are unknown in a first-time preview. */
export const UNKNOWN_VALUE = UNKNOWN;

export { resource, type ResourceOptions } from './resource-record';

/** The pack name findings of rules evaluated here carry. */
export const TEST_PACK_NAME = 'rules-under-test';

export interface EvaluateOptions {
  /** Pack config, as in a `--policy-pack-config` file (`{"<rule-id>": {...}}`). */
  readonly config?: Record<string, unknown>;
  readonly waivers?: WaiverLookup;
}

/** The rules under test as one pack, named {@link TEST_PACK_NAME}. */
function testPack(rules: RuleDefinition | readonly RuleDefinition[], options: EvaluateOptions): InProcessPack {
  const list = Array.isArray(rules) ? rules : [rules as RuleDefinition];
  return { name: TEST_PACK_NAME, version: '0.0.0', policies: list.map((rule) => toPolicy(rule, { waiverFor: options.waivers })) };
}

/** Evaluates rules on resources and returns the findings (mandatory, advisory, undecided and waived alike). */
export async function evaluate(
  rules: RuleDefinition | readonly RuleDefinition[],
  resources: readonly ResourceRecord[],
  options: EvaluateOptions = {},
): Promise<Finding[]> {
  return evaluateInProcess(testPack(rules, options), { resources: [...resources] }, options.config ?? {});
}

/** Runs a Pulumi program offline and evaluates rules on what it registered. */
export async function evaluateProgram(
  rules: RuleDefinition | readonly RuleDefinition[],
  program: () => unknown,
  options: EvaluateOptions & { readonly mode?: RunProgramOptions['mode']; readonly stackConfig?: RunProgramOptions['config'] } = {},
): Promise<Finding[]> {
  const result = await runProgram(program, { mode: options.mode, config: options.stackConfig });
  // The whole run, not only its resources: the engine's stack tags (the account it made up) reach the rules too.
  return evaluateInProcess(testPack(rules, options), result, options.config ?? {});
}

/** The findings that would block a deployment. */
export function mandatory(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.enforcement === 'mandatory');
}

/** The undecided findings (a deciding value unknown in this mode), with the property each names. */
export function undecided(findings: readonly Finding[]): Array<Finding & { readonly property: string }> {
  return findings.flatMap((finding) => {
    const parsed = parseFindingMessage(finding.message);
    return parsed.kind === 'undecided' ? [{ ...finding, property: parsed.undecidedProperty as string }] : [];
  });
}
