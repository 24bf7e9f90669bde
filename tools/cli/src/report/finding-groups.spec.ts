import { countLevels, describeCounts, findingLevel, findingModes, groupFindings, reportCounts, stackMode } from './finding-groups';
import { toViolation } from './report-model';
import { sampleFinding, sampleStack, undecidedFinding, waivedFinding, withModes } from './testing/sample-report';

describe('finding groups', () => {
  it('gives each finding its level: waived before blocking, undecided apart from advisory', () => {
    expect(findingLevel(toViolation(sampleFinding()))).toBe('mandatory');
    expect(findingLevel(toViolation(sampleFinding({ enforcement: 'advisory' })))).toBe('advisory');
    expect(findingLevel(toViolation(undecidedFinding()))).toBe('undecided');
    expect(findingLevel(toViolation(waivedFinding()))).toBe('waived');
    // A waiver line on a mandatory finding does not waive it (the model keeps it blocking).
    expect(findingLevel(toViolation(waivedFinding({ enforcement: 'mandatory' })))).toBe('mandatory');
  });

  it('reads the modes of a finding and the mode of a stack only when the report has them', () => {
    const violation = toViolation(sampleFinding());
    expect(findingModes(violation)).toBeUndefined();
    expect(findingModes(withModes(violation, ['preview', 'update']))).toEqual(['preview', 'update']);
    expect(findingModes(withModes(violation, []))).toBeUndefined();
    expect(stackMode(sampleStack('data', []))).toBe('preview');
    const { mode: _mode, ...withoutMode } = sampleStack('data', []);
    expect(stackMode(withoutMode as unknown as Parameters<typeof stackMode>[0])).toBeUndefined();
  });

  it('groups a stack reported once per mode as one stack, each finding tagged with the mode that found it', () => {
    const preview = sampleStack('data', [sampleFinding()], { durationMs: 100 });
    const update = sampleStack('data', [sampleFinding({ policy: 'other' })], { mode: 'update', durationMs: 200, warnings: ['w'] });
    const [data, ...rest] = groupFindings([preview, update, sampleStack('network', [])]);
    expect(rest.map((stack) => stack.name)).toEqual(['network/dev']);
    expect(data).toMatchObject({ name: 'data/dev', modes: ['preview', 'update'], durationMs: 300, warnings: ['w'] });
    const findings = data?.resources.flatMap((resource) => resource.findings) ?? [];
    expect(findings.map((finding) => [finding.violation.policy, finding.modes])).toEqual([
      ['other', ['update']],
      ['s3-bucket-versioning', ['preview']],
    ]);
  });

  it('lists stack-wide findings first, then resources by heading, the most pressing first on each', () => {
    const [stack] = groupFindings([
      sampleStack('data', [
        waivedFinding(),
        undecidedFinding(),
        sampleFinding({ urn: undefined, policy: 'stack-wide' }),
        sampleFinding(),
        sampleFinding({ urn: 'urn:pulumi:dev::data::aws:sqs/queue:Queue::unknown-to-the-report' }),
      ]),
    ]);
    expect(stack?.resources.map((resource) => [resource.heading, resource.findings.map((finding) => finding.level)])).toEqual([
      ['the stack as a whole', ['mandatory']],
      ['aws:s3/bucket:Bucket "logs"', ['mandatory', 'waived']],
      ['aws:s3/bucketPolicy:BucketPolicy "site"', ['undecided']],
      ['aws:sqs/queue:Queue "unknown-to-the-report"', ['mandatory']],
    ]);
  });

  it('counts as the JSON summary counts (undecided within advisory) and says none when there are none', () => {
    const stacks = groupFindings([sampleStack('data', [sampleFinding(), waivedFinding(), undecidedFinding(), sampleFinding({ enforcement: 'advisory', policy: 'a' })], { warnings: ['x'] })]);
    const counts = reportCounts(stacks);
    expect(counts).toEqual({ mandatory: 1, advisory: 1, undecided: 1, waived: 1, findings: 4, warnings: 1 });
    expect(describeCounts(counts)).toBe('1 mandatory, 2 advisory (1 undecided), 1 waived');
    expect(describeCounts(countLevels([]))).toBe('no findings');
    expect(describeCounts(countLevels([{ level: 'waived' }]))).toBe('1 waived');
  });
});
