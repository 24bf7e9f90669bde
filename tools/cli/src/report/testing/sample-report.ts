/** Reports for the renderers' tests: built through the model (toViolation, buildReport), as a run builds them. */
import { type Finding } from '@bulwark/offline';
import { formatFindingMessage } from '@bulwark/policy-kit';
import { buildReport, toViolation, type Report, type ReportViolation, type StackReport } from '../report-model';

/** A pack finding (mandatory, high, on the `logs` bucket of `data/dev` unless overridden). */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    policy: 's3-bucket-versioning',
    pack: 'aws-security',
    packVersion: '0.1.0',
    enforcement: 'mandatory',
    severity: 'high',
    urn: 'urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs',
    message: 'Buckets keep versions.\n`versioning` is off.',
    ...overrides,
  };
}

/** A waived finding, as a pack built on @bulwark/policy-kit reports it (advisory, with the waiver line). */
export function waivedFinding(overrides: Partial<Finding> = {}): Finding {
  return sampleFinding({
    policy: 's3-bucket-logging',
    enforcement: 'advisory',
    severity: 'medium',
    message: formatFindingMessage('Buckets log access.', { waiver: 'the log bucket itself (platform, expires 2030-01-01)' }),
    ...overrides,
  });
}

/** An undecided finding: the deciding value unknown in this mode. */
export function undecidedFinding(overrides: Partial<Finding> = {}): Finding {
  return sampleFinding({
    policy: 's3-bucket-no-public-policy',
    enforcement: 'advisory',
    severity: 'critical',
    urn: 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::site',
    message: formatFindingMessage('s3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply.', { undecidedProperty: 'policy' }),
    ...overrides,
  });
}

/** A stack report with the given findings; its resources are the URNs they name, plus `extraResources` more. */
export function sampleStack(project: string, findings: readonly Finding[], overrides: Partial<StackReport> = {}, extraResources = 0): StackReport {
  const urns = [...new Set(findings.flatMap((finding) => (finding.urn ? [finding.urn] : [])))];
  const resources = [
    ...urns.map((urn) => {
      const [, type = '', name = ''] = /::([^:]+:[^:]+:[^:]+)::([^:]+)$/.exec(urn) ?? [];
      return { urn, type: type.slice(type.lastIndexOf('$') + 1), name };
    }),
    ...Array.from({ length: extraResources }, (_, index) => ({ urn: `urn:pulumi:dev::${project}::aws:sqs/queue:Queue::queue${index}`, type: 'aws:sqs/queue:Queue', name: `queue${index}` })),
  ];
  return {
    project,
    stack: 'dev',
    mode: 'preview',
    directory: `stacks/${project}`,
    entry: `stacks/${project}/src/index.ts`,
    resources,
    violations: findings.map(toViolation),
    outputs: {},
    policies: [],
    warnings: [],
    durationMs: 1250,
    ...overrides,
  };
}

/** A report of the given stacks. */
export function sampleReport(stacks: StackReport[]): Report {
  return buildReport('0.1.0', [{ name: 'aws-security', version: '0.1.0', policies: [], initialConfig: {} }], stacks);
}

/** A violation carrying the modes that found it (the field two-mode evaluation adds). */
export function withModes(violation: ReportViolation, modes: readonly ('preview' | 'update')[]): ReportViolation {
  return { ...violation, modes } as ReportViolation;
}
