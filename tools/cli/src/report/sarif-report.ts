/**
 * SARIF 2.1.0 for code scanning: one run, a rule descriptor per policy (help text, help URI and
 * `security-severity` from the pack's metadata), results located by URN (a logical location) in the stack's
 * program entry (a physical location, which code scanning requires), with fingerprints that depend only on the
 * rule, the stack, the URN and the message, so they are stable across runs. A finding both modes reported is one
 * result (its `modes` property names both): evaluating two modes never doubles a result.
 */
import { createHash } from 'node:crypto';
import { urnName } from '@bulwark/aws-model';
import { type PolicyInfo } from '@bulwark/offline';
import { isBlocking, type Report, type ReportViolation, type StackReport } from './report-model';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/bulwark-iac/bulwark';

/** The CVSS-like score code scanning sorts by. */
const SECURITY_SEVERITY: Record<string, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function levelOf(enforcement: string): SarifLevel {
  if (enforcement === 'mandatory' || enforcement === 'remediate') return 'error';
  if (enforcement === 'advisory') return 'warning';
  return 'none';
}

function ruleDescriptor(policy: PolicyInfo, pack: string) {
  const help = [policy.description, policy.remediationSteps ? `Remediation: ${policy.remediationSteps}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    id: policy.name,
    name: policy.name,
    shortDescription: { text: policy.displayName ?? policy.name },
    fullDescription: { text: policy.description || policy.name },
    ...(policy.url ? { helpUri: policy.url } : {}),
    help: { text: help || policy.name, markdown: help || policy.name },
    defaultConfiguration: { level: levelOf(policy.enforcementLevel) },
    properties: {
      pack,
      tags: ['security', ...policy.tags],
      ...(policy.severity ? { 'security-severity': SECURITY_SEVERITY[policy.severity] } : {}),
      ...(policy.framework ? { framework: `${policy.framework.name} ${policy.framework.specification}`.trim() } : {}),
    },
  };
}

function fingerprint(stack: StackReport, violation: ReportViolation): string {
  return createHash('sha256')
    .update([violation.pack, violation.policy, stack.project, stack.stack, violation.urn ?? '', violation.message].join('\u0000'))
    .digest('hex');
}

function result(stack: StackReport, violation: ReportViolation, ruleIndex: number) {
  const resourceName = violation.urn ? (urnName(violation.urn) ?? violation.urn) : undefined;
  return {
    ruleId: violation.policy,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: violation.waived ? 'note' : levelOf(violation.enforcement),
    message: { text: violation.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: stack.entry, uriBaseId: 'SRCROOT' }, region: { startLine: 1 } },
        logicalLocations: [
          violation.urn
            ? { name: resourceName, fullyQualifiedName: violation.urn, kind: 'resource' }
            : { name: `${stack.project}/${stack.stack}`, fullyQualifiedName: `${stack.project}/${stack.stack}`, kind: 'module' },
        ],
      },
    ],
    partialFingerprints: { 'bulwarkFinding/v1': fingerprint(stack, violation) },
    ...(violation.waived ? { suppressions: [{ kind: 'external', justification: violation.waiver ?? 'waived' }] } : {}),
    properties: {
      project: stack.project,
      stack: stack.stack,
      pack: violation.pack,
      enforcement: violation.enforcement,
      blocking: isBlocking(violation),
      ...(violation.severity ? { severity: violation.severity } : {}),
      ...(violation.modes ? { modes: violation.modes } : {}),
    },
  };
}

/** Renders the report as a SARIF 2.1.0 log. `sourceRoot` is the absolute directory result paths are relative to. */
export function renderSarif(report: Report, sourceRoot: string): string {
  const rules: ReturnType<typeof ruleDescriptor>[] = [];
  const indexOf = new Map<string, number>();
  for (const pack of report.packs) {
    for (const policy of pack.policies) {
      if (indexOf.has(policy.name)) continue;
      indexOf.set(policy.name, rules.length);
      rules.push(ruleDescriptor(policy, pack.name));
    }
  }
  const root = sourceRoot.endsWith('/') ? sourceRoot : `${sourceRoot}/`;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulwark',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `file://${root.split('\\').join('/')}` } },
        results: report.stacks.flatMap((stack) =>
          stack.violations.map((violation) => result(stack, violation, indexOf.get(violation.policy) ?? -1)),
        ),
        properties: { summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
