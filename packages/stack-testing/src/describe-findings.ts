import { type Finding } from '@bulwark/offline';

/** Findings rendered for a failure message: policy, enforcement and resource, then the message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.policy} [${finding.enforcement}] ${finding.urn ?? '(stack)'}\n${finding.message}`).join('\n\n');
}
