/**
 * The report of a bulwark run: what every format renders. Its JSON form is versioned and documented by
 * docs/report-schema.json; add fields freely, but change or remove one only with a new `version`.
 * Version 2: a stack may be evaluated in both modes (`mode: "both"`, `modes`), and each finding says which modes
 * found it (`modes`).
 */
import { type EnforcementLevel, type Finding, type PolicyPackInfo, type RunMode } from '@bulwark/offline';
import { parseFindingMessage, type FindingKind } from '@bulwark/policy-kit';

export const REPORT_VERSION = 2;

/** How a stack was evaluated: one mode, or both (a preview run, then a simulated update run, merged). */
export type ReportMode = RunMode | 'both';

/** The runs a mode stands for, in the order they are evaluated: the preview first. */
export function modesOf(mode: ReportMode): RunMode[] {
  return mode === 'both' ? ['preview', 'update'] : [mode];
}

export interface ReportResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
}

/**
 * A finding as reported: the pack's finding (its `enforcement` is `mandatory` or `advisory`; a waived finding is
 * reported by the pack as advisory), without the policy description, which the report carries once per policy.
 */
export interface ReportViolation extends Omit<Finding, 'description'> {
  /** `undecided` when the rule's deciding value was unknown in this mode (always advisory); `violation` otherwise. */
  readonly kind: FindingKind;
  /** For an undecided finding: the property whose value was unknown. */
  readonly property?: string;
  readonly waived: boolean;
  /** The waiver's reason, owner and expiry, as the pack reported them. */
  readonly waiver?: string;
  /**
   * The modes whose evaluation reported this finding, in evaluation order (`["preview", "update"]` when both
   * reported it). Always set in a report bulwark builds; optional in the type so that a violation can be written
   * before it is placed in a mode.
   */
  readonly modes?: RunMode[];
}

/** A policy that was evaluated on a stack, and where it did not apply. */
export interface ReportPolicy {
  readonly pack: string;
  readonly policy: string;
  readonly kind: 'resource' | 'stack' | 'unknown';
  readonly enforcement: EnforcementLevel;
  /** URNs of the resources the pack said the policy does not apply to. */
  readonly notApplicable: string[];
}

export interface StackReport {
  readonly project: string;
  readonly stack: string;
  /** `both` when a preview run and a simulated update run were evaluated and merged (the default). */
  readonly mode: ReportMode;
  /** The modes evaluated, in order. Always set in a report bulwark builds. */
  readonly modes?: RunMode[];
  /** The program directory, relative to the working directory when inside it. */
  readonly directory: string;
  /** The program's entry file, relative like {@link directory}: where SARIF locates findings. */
  readonly entry: string;
  /** Every resource analyzed, in registration order; with both modes, the union of the two runs (by URN). */
  readonly resources: ReportResource[];
  readonly violations: ReportViolation[];
  /** The stack outputs; with both modes, the update run's (what the stack exports once deployed). */
  readonly outputs: Record<string, unknown>;
  readonly policies: ReportPolicy[];
  readonly warnings: string[];
  /** Milliseconds the program run took (with both modes, the two runs together). */
  readonly durationMs: number;
}

export interface ReportSummary {
  readonly stacks: number;
  readonly resources: number;
  readonly mandatory: number;
  readonly advisory: number;
  readonly waived: number;
}

export interface Report {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: 'bulwark'; readonly version: string };
  readonly packs: PolicyPackInfo[];
  readonly stacks: StackReport[];
  readonly summary: ReportSummary;
}

/**
 * A finding as a report violation: the annotations a pack built on @bulwark/policy-kit writes (waiver, undecided
 * property) split off the message. A waiver counts only on an advisory finding: packs report waived findings as
 * advisory, so a mandatory finding whose text merely ends like a waiver still blocks.
 */
export function toViolation(finding: Finding): ReportViolation {
  const enforcement = finding.enforcement === 'remediate' ? 'mandatory' : finding.enforcement;
  const parsed = parseFindingMessage(finding.message);
  const waived = parsed.waiver !== undefined && enforcement === 'advisory';
  return {
    policy: finding.policy,
    pack: finding.pack,
    packVersion: finding.packVersion,
    enforcement,
    ...(finding.severity ? { severity: finding.severity } : {}),
    ...(finding.urn ? { urn: finding.urn } : {}),
    // A waiver line on a finding that still blocks stays in its message: nothing about it is hidden.
    message: parsed.waiver !== undefined && !waived ? finding.message : parsed.text,
    kind: parsed.kind,
    ...(parsed.undecidedProperty !== undefined ? { property: parsed.undecidedProperty } : {}),
    waived,
    ...(waived ? { waiver: parsed.waiver } : {}),
  };
}

/** True for a violation that fails the run. */
export function isBlocking(violation: ReportViolation): boolean {
  return violation.enforcement === 'mandatory' && !violation.waived;
}

/** Counts over every stack (give one stack for its own counts). */
export function summarize(stacks: readonly StackReport[]): ReportSummary {
  const violations = stacks.flatMap((stack) => stack.violations);
  return {
    stacks: stacks.length,
    resources: stacks.reduce((total, stack) => total + stack.resources.length, 0),
    mandatory: violations.filter(isBlocking).length,
    advisory: violations.filter((violation) => !violation.waived && violation.enforcement === 'advisory').length,
    waived: violations.filter((violation) => violation.waived).length,
  };
}

/** Assembles the report. */
export function buildReport(toolVersion: string, packs: PolicyPackInfo[], stacks: StackReport[]): Report {
  return { version: REPORT_VERSION, tool: { name: 'bulwark', version: toolVersion }, packs, stacks, summary: summarize(stacks) };
}
