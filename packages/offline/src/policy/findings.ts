/** A policy finding, as the Pulumi CLI reports an analyzer diagnostic. */
export type EnforcementLevel = 'advisory' | 'mandatory' | 'remediate' | 'disabled';

export interface Finding {
  /** The policy (rule) name, e.g. `s3-bucket-versioning`. */
  readonly policy: string;
  readonly pack: string;
  readonly packVersion: string;
  readonly enforcement: EnforcementLevel;
  readonly severity?: string;
  /** The offending resource; undefined for a finding about the whole stack. */
  readonly urn?: string;
  readonly message: string;
  readonly description?: string;
}

/** The marker a waived finding carries in its message (`...\nwaived: reason (owner, expires)`). */
export const WAIVED_MARKER = '\nwaived: ';

/** True when the pack reported the finding as waived. */
export function isWaived(finding: Finding): boolean {
  return finding.message.includes(WAIVED_MARKER);
}

/** Orders findings deterministically: by URN, then policy, then message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (finding: Finding) => `${finding.urn ?? ''}\u0000${finding.policy}\u0000${finding.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
