import { mergeModeReports } from './merge-modes';
import { summarize, type ReportViolation, type StackReport } from './report-model';

const BUCKET = 'urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::site';
const POLICY = 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::site';
const LATE = 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::late';

const violation = (overrides: Partial<ReportViolation>): ReportViolation => ({
  policy: 's3-bucket-no-public-policy',
  pack: 'aws-security',
  packVersion: '0.1.0',
  enforcement: 'mandatory',
  severity: 'critical',
  urn: POLICY,
  message: 'site: `policy` statement 1 Allows Principal "*"',
  kind: 'violation',
  waived: false,
  ...overrides,
});

const undecided = (overrides: Partial<ReportViolation> = {}): ReportViolation =>
  violation({
    enforcement: 'advisory',
    kind: 'undecided',
    property: 'policy',
    message: 's3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply.',
    ...overrides,
  });

const report = (mode: 'preview' | 'update', overrides: Partial<StackReport> = {}): StackReport => ({
  project: 'data',
  stack: 'dev',
  mode,
  directory: 'stacks/data',
  entry: 'stacks/data/src/index.ts',
  resources: [
    { urn: BUCKET, type: 'aws:s3/bucketV2:BucketV2', name: 'site' },
    { urn: POLICY, type: 'aws:s3/bucketPolicy:BucketPolicy', name: 'site' },
  ],
  violations: [],
  outputs: { mode },
  policies: [{ pack: 'aws-security', policy: 's3-bucket-no-public-policy', kind: 'resource', enforcement: 'mandatory', notApplicable: [BUCKET] }],
  warnings: [],
  durationMs: 100,
  ...overrides,
});

describe('mergeModeReports', () => {
  it('marks the findings of a single mode with that mode and keeps the mode', () => {
    const merged = mergeModeReports([report('preview', { violations: [undecided()] })]);
    expect(merged).toMatchObject({ mode: 'preview', modes: ['preview'], outputs: { mode: 'preview' } });
    expect(merged.violations).toEqual([{ ...undecided(), modes: ['preview'] }]);
  });

  it('reports a finding both modes found once, found in both', () => {
    const merged = mergeModeReports([report('preview', { violations: [violation({})] }), report('update', { violations: [violation({})] })]);
    expect(merged).toMatchObject({ mode: 'both', modes: ['preview', 'update'] });
    expect(merged.violations).toEqual([{ ...violation({}), modes: ['preview', 'update'] }]);
    expect(summarize([merged]).mandatory).toBe(1);
  });

  it('replaces an undecided preview finding by the update verdict: the violation it found', () => {
    const merged = mergeModeReports([report('preview', { violations: [undecided()] }), report('update', { violations: [violation({})] })]);
    expect(merged.violations).toEqual([{ ...violation({}), modes: ['update'] }]);
    expect(summarize([merged])).toMatchObject({ mandatory: 1, advisory: 0 });
  });

  it('drops an undecided preview finding when the update run decided the resource passes', () => {
    const merged = mergeModeReports([report('preview', { violations: [undecided()] }), report('update')]);
    expect(merged.violations).toEqual([]);
  });

  it('keeps an undecided finding the update run was undecided about too, as one finding of both modes', () => {
    const merged = mergeModeReports([report('preview', { violations: [undecided()] }), report('update', { violations: [undecided()] })]);
    expect(merged.violations).toEqual([{ ...undecided(), modes: ['preview', 'update'] }]);
  });

  it('keeps an undecided preview finding on a resource the update run did not register', () => {
    const late = undecided({ urn: LATE });
    const preview = report('preview', {
      resources: [...report('preview').resources, { urn: LATE, type: 'aws:s3/bucketPolicy:BucketPolicy', name: 'late' }],
      violations: [late],
    });
    const merged = mergeModeReports([preview, report('update')]);
    expect(merged.violations).toEqual([{ ...late, modes: ['preview'] }]);
    expect(merged.resources.map((resource) => resource.urn)).toEqual([BUCKET, POLICY, LATE]);
  });

  it('keeps an undecided preview finding of a policy the update run did not evaluate', () => {
    const other = undecided({ pack: 'other-pack' });
    const merged = mergeModeReports([report('preview', { violations: [other] }), report('update')]);
    expect(merged.violations).toEqual([{ ...other, modes: ['preview'] }]);
  });

  it('never drops a blocking finding, even an undecided one', () => {
    const blocking = undecided({ enforcement: 'mandatory' });
    const merged = mergeModeReports([report('preview', { violations: [blocking] }), report('update')]);
    expect(merged.violations).toEqual([{ ...blocking, modes: ['preview'] }]);
    expect(summarize([merged]).mandatory).toBe(1);
  });

  it('keeps a mandatory violation only one mode found, and the findings whose messages differ by mode apart', () => {
    const previewOnly = violation({ urn: BUCKET, policy: 's3-bucket-versioning', message: 'site: versioning is off' });
    const updateText = violation({ message: 'site: `policy` statement 1 Allows Principal "*" on arn:aws:s3:::site-4f2a/*' });
    const merged = mergeModeReports([
      report('preview', { violations: [previewOnly, violation({})] }),
      report('update', { violations: [updateText] }),
    ]);
    expect(merged.violations.map((found) => [found.message, found.modes])).toEqual([
      [previewOnly.message, ['preview']],
      [violation({}).message, ['preview']],
      [updateText.message, ['update']],
    ]);
    expect(summarize([merged]).mandatory).toBe(3);
  });

  it('takes the outputs of the update run, adds the run times and keeps each warning once', () => {
    const merged = mergeModeReports([
      report('preview', { warnings: ['config "data:x" is unused'], durationMs: 120 }),
      report('update', { warnings: ['config "data:x" is unused'], durationMs: 80 }),
    ]);
    expect(merged).toMatchObject({ outputs: { mode: 'update' }, warnings: ['config "data:x" is unused'], durationMs: 200 });
  });

  it('calls a policy not applicable to a resource only where every mode that analyzed it said so', () => {
    const preview = report('preview', {
      policies: [{ pack: 'aws-security', policy: 's3-bucket-no-public-policy', kind: 'resource', enforcement: 'mandatory', notApplicable: [BUCKET, POLICY] }],
    });
    const update = report('update', {
      resources: [...report('update').resources, { urn: LATE, type: 'aws:s3/bucketPolicy:BucketPolicy', name: 'late' }],
      policies: [{ pack: 'aws-security', policy: 's3-bucket-no-public-policy', kind: 'resource', enforcement: 'mandatory', notApplicable: [BUCKET, LATE] }],
    });
    const merged = mergeModeReports([preview, update]);
    expect(merged.policies).toEqual([
      { pack: 'aws-security', policy: 's3-bucket-no-public-policy', kind: 'resource', enforcement: 'mandatory', notApplicable: [BUCKET, LATE] },
    ]);
  });

  it('refuses what it cannot merge: no report, a mode twice, a merged report', () => {
    expect(() => mergeModeReports([])).toThrow('at least one report');
    expect(() => mergeModeReports([report('preview'), report('preview')])).toThrow('a mode was evaluated twice');
    expect(() => mergeModeReports([{ ...report('preview'), mode: 'both' }])).toThrow('cannot be merged again');
  });
});
