import { renderText } from './text-report';
import { toViolation } from './report-model';
import { sampleFinding, sampleReport, sampleStack, undecidedFinding, waivedFinding, withModes } from './testing/sample-report';

const ESC = '\u001b';
const lines = (text: string) => text.trimEnd().split('\n');

describe('the text report', () => {
  it('without findings: only the summary line, no stack repeated from the progress lines', () => {
    const report = sampleReport([sampleStack('network', [], {}, 3), sampleStack('data', [], {}, 2)]);
    const text = renderText(report, { colour: false });
    expect(lines(text)).toEqual(['PASSED: 2 stacks, 5 resources: no findings']);
  });

  it('with findings: each stack that has some, once, grouped by resource, then one FAILED summary', () => {
    const report = sampleReport([
      sampleStack('network', [], {}, 4),
      sampleStack('data', [
        sampleFinding({ policy: 'b-rule', severity: 'low', enforcement: 'advisory', message: 'advice' }),
        sampleFinding(),
        sampleFinding({ policy: 'stack-tags', urn: undefined, message: 'the stack has no tags' }),
      ]),
    ]);
    const text = renderText(report, { colour: false });
    expect(lines(text)).toEqual([
      'data/dev (preview): 2 mandatory, 1 advisory',
      '  the stack as a whole',
      '    mandatory stack-tags [high] (aws-security)',
      '      the stack has no tags',
      '  aws:s3/bucket:Bucket "logs"',
      '    urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs',
      '    mandatory s3-bucket-versioning [high] (aws-security)',
      '      Buckets keep versions.',
      '      `versioning` is off.',
      '    advisory  b-rule [low] (aws-security)',
      '      advice',
      '',
      'FAILED: 2 stacks, 5 resources: 2 mandatory, 1 advisory',
    ]);
    expect(text).not.toContain('network/dev');
  });

  it('shows waived and undecided findings each with its own label, the waiver and the undecided property', () => {
    const report = sampleReport([
      sampleStack('data', [waivedFinding(), undecidedFinding({ message: 'unknown value\nundecided: bucketPolicy.document' })]),
    ]);
    const text = renderText(report, { colour: false });
    expect(text).toContain('    undecided s3-bucket-no-public-policy [critical] (aws-security)\n      unknown value\n');
    expect(text).toContain('      undecided: `bucketPolicy.document` is unknown in this mode\n');
    expect(text).toContain('    waived    s3-bucket-logging [medium] (aws-security)\n      Buckets log access.\n');
    expect(text).toContain('      waived: the log bucket itself (platform, expires 2030-01-01)\n');
    expect(text).toMatch(/PASSED: 1 stack, 2 resources: 1 advisory \(1 undecided\), 1 waived\n$/);
  });

  it('on a terminal: colours by level (mandatory red, undecided cyan, waived dim) and a red FAILED', () => {
    const report = sampleReport([sampleStack('data', [sampleFinding(), waivedFinding(), undecidedFinding()])]);
    const text = renderText(report, { colour: true });
    expect(text).toContain(`${ESC}[31m${ESC}[1mmandatory${ESC}[22m${ESC}[39m`);
    expect(text).toContain(`${ESC}[36mundecided${ESC}[39m`);
    expect(text).toContain(`${ESC}[2mwaived   ${ESC}[22m`);
    expect(text).toContain(`${ESC}[31m${ESC}[1mFAILED: 1 stack, 2 resources: 1 mandatory, 1 advisory (1 undecided), 1 waived${ESC}[22m${ESC}[39m`);
    // Without colour the same report has no escape at all.
    expect(renderText(report, { colour: false })).not.toContain(ESC);
  });

  it('on a terminal without findings: a green PASSED', () => {
    expect(renderText(sampleReport([sampleStack('network', [], {}, 1)]), { colour: true })).toBe(`${ESC}[32mPASSED: 1 stack, 1 resource: no findings${ESC}[39m\n`);
  });

  it('lists a stack’s warnings, and a stack with warnings but no findings', () => {
    const report = sampleReport([sampleStack('network', [], { warnings: ['Pulumi.dev.yaml: "network:token" is encrypted'] }, 1)]);
    expect(lines(renderText(report, { colour: false }))).toEqual([
      'network/dev (preview): 1 warning',
      '  warning: Pulumi.dev.yaml: "network:token" is encrypted',
      '',
      'PASSED: 1 stack, 1 resource: no findings',
    ]);
  });

  it('--quiet: the findings and the summary only; warnings are counted, not listed', () => {
    const report = sampleReport([
      sampleStack('network', [], { warnings: ['a warning'] }, 1),
      sampleStack('data', [sampleFinding()], { warnings: ['another warning'] }),
    ]);
    const text = renderText(report, { colour: false, quiet: true });
    expect(text).not.toContain('a warning');
    expect(text).not.toContain('network/dev');
    expect(lines(text)).toEqual([
      'data/dev (preview): 1 mandatory',
      '  aws:s3/bucket:Bucket "logs"',
      '    urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs',
      '    mandatory s3-bucket-versioning [high] (aws-security)',
      '      Buckets keep versions.',
      '      `versioning` is off.',
      '',
      'FAILED: 2 stacks, 2 resources: 1 mandatory (2 warnings not shown: run without --quiet to see)',
    ]);
  });

  it('--quiet without findings: the summary line alone', () => {
    expect(renderText(sampleReport([sampleStack('network', [], {}, 2)]), { colour: false, quiet: true })).toBe('PASSED: 1 stack, 2 resources: no findings\n');
  });

  it('says when no stack was checked', () => {
    expect(renderText(sampleReport([]), { colour: false })).toBe('no stacks were checked\nPASSED: 0 stacks, 0 resources: no findings\n');
  });

  it('shows the modes that found a finding when the report says, and a stack reported per mode once', () => {
    const preview = sampleStack('data', [sampleFinding()]);
    const update = sampleStack('data', [sampleFinding({ policy: 'update-only', message: 'seen with known values' })], { mode: 'update' });
    const both = { ...preview, violations: [withModes(toViolation(sampleFinding()), ['preview', 'update'])] };
    const text = renderText(sampleReport([both, update]), { colour: false });
    expect(text.match(/^data\/dev/gm)).toHaveLength(1);
    expect(text).toContain('data/dev (preview, update): 2 mandatory\n');
    expect(text).toContain('    mandatory s3-bucket-versioning [high] (aws-security), found in preview and update\n');
    expect(text).toContain('    mandatory update-only [high] (aws-security), found in update\n');
  });

  it('prints control characters from a pack as escapes, never as terminal commands', () => {
    const report = sampleReport([sampleStack('data', [sampleFinding({ message: `red ${ESC}[31mtext\u0007 and a\rreturn` })])]);
    const text = renderText(report, { colour: false });
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\r');
    expect(text).toContain('      red \\u001b[31mtext\\u0007 and a\\u000dreturn\n');
  });
});
