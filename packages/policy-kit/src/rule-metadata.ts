/**
 * What a rule is, apart from its check: the single source for generated docs, the policy's CrossGuard metadata,
 * SARIF rule descriptors and `bulwark rules`.
 */
import type { EnforcementLevel, Severity } from '@pulumi/policy';

/** The compliance frameworks a rule can map to. */
export type Framework = 'fsbp' | 'cis';

export const FRAMEWORKS: Record<Framework, { name: string; version: string; reference: string }> = {
  fsbp: {
    name: 'AWS Foundational Security Best Practices',
    version: '1.0.0',
    reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html',
  },
  cis: {
    name: 'CIS AWS Foundations Benchmark',
    version: '3.0.0',
    reference: 'https://www.cisecurity.org/benchmark/amazon_web_services',
  },
};

/** Everything about a rule except its check. */
export interface RuleMetadata {
  /** The rule id: the CrossGuard policy name, SARIF ruleId, waiver key and docs anchor. */
  readonly id: string;
  /** A one-line title, e.g. "S3 buckets block public access". */
  readonly title: string;
  /** What the rule checks and why it matters (a few sentences). */
  readonly description: string;
  /**
   * How the rule decides the cases its description leaves open, one decision per entry (what an unknown value
   * means, which shapes count, edge cases and why). Rendered under the description in the rule reference; reports
   * show only the description.
   */
  readonly decisions?: readonly string[];
  readonly severity: Severity;
  /** The default enforcement level. */
  readonly enforcementLevel: EnforcementLevel;
  /** The AWS service folder the rule lives in (`s3`, `iam`...), or `stack` for whole-stack rules. */
  readonly service: string;
  /** Security Hub FSBP control ids and CIS v3.0 recommendation ids. */
  readonly controls: { readonly fsbp?: readonly string[]; readonly cis?: readonly string[] };
  /** The resource type tokens the rule reads. */
  readonly resourceTypes: readonly string[];
  /** How to fix a violation, as steps a developer can follow. */
  readonly remediation: string;
  /** The AWS documentation pages the rule encodes (service limits, required settings), cited in the docs. */
  readonly references?: readonly string[];
}

/** The framework a policy declares: FSBP when the rule maps to FSBP controls, else CIS, else none. */
export function policyFramework(metadata: RuleMetadata) {
  const [kind, ids] = metadata.controls.fsbp?.length
    ? (['fsbp', metadata.controls.fsbp] as const)
    : metadata.controls.cis?.length
      ? (['cis', metadata.controls.cis] as const)
      : [undefined, undefined];
  if (!kind || !ids) return undefined;
  return { ...FRAMEWORKS[kind], specification: ids.join(', ') };
}

/** Tags carried by the policy (visible to `GetAnalyzerInfo`): service, frameworks and control ids. */
export function ruleTags(metadata: RuleMetadata): string[] {
  return [
    `service:${metadata.service}`,
    ...(metadata.controls.fsbp ?? []).map((id) => `fsbp:${id}`),
    ...(metadata.controls.cis ?? []).map((id) => `cis:${id}`),
  ];
}
