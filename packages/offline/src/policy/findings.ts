/** A policy's enforcement level, as CrossGuard names them. */
export type EnforcementLevel = 'advisory' | 'mandatory' | 'remediate' | 'disabled';

/**
 * A policy finding, as the Pulumi CLI reports an analyzer diagnostic. The engine passes it through as the pack
 * wrote it; what a message means beyond its text (a waiver, an undecided verdict) is the pack's business.
 */
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

/** Orders findings deterministically: by URN, then policy, then message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (finding: Finding) => `${finding.urn ?? ''}\u0000${finding.policy}\u0000${finding.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
