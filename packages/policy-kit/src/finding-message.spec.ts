import { formatFindingMessage, parseFindingMessage, undecidedFindingText } from './finding-message';

describe('finding messages', () => {
  it('leave a plain finding as it is, and read it as a violation', () => {
    expect(formatFindingMessage('bucket logs is not versioned')).toBe('bucket logs is not versioned');
    expect(parseFindingMessage('Buckets are versioned.\nbucket logs is not versioned')).toEqual({
      text: 'Buckets are versioned.\nbucket logs is not versioned',
      kind: 'violation',
    });
  });

  it('write a waiver as the last line, "waived: reason (owner, expires date)", and read it back', () => {
    const message = formatFindingMessage('queue q is not encrypted', { waiver: 'scratch queues (platform-team, expires 2030-01-31)' });
    expect(message).toBe('queue q is not encrypted\nwaived: scratch queues (platform-team, expires 2030-01-31)');
    expect(parseFindingMessage(message)).toEqual({
      text: 'queue q is not encrypted',
      kind: 'violation',
      waiver: 'scratch queues (platform-team, expires 2030-01-31)',
    });
  });

  it('write an undecided finding with its property, waived or not, and read both back', () => {
    const text = undecidedFindingText('s3-bucket-no-public-policy', 'policy', 'it decides whether the bucket is public');
    const undecided = formatFindingMessage(text, { undecidedProperty: 'policy' });
    expect(parseFindingMessage(undecided)).toEqual({ text, kind: 'undecided', undecidedProperty: 'policy' });
    const waived = formatFindingMessage(text, { undecidedProperty: 'policy', waiver: 'reviewed (me, expires 2030-01-01)' });
    expect(waived.split('\n').slice(-2)).toEqual(['undecided: policy', 'waived: reviewed (me, expires 2030-01-01)']);
    expect(parseFindingMessage(waived)).toEqual({ text, kind: 'undecided', undecidedProperty: 'policy', waiver: 'reviewed (me, expires 2030-01-01)' });
  });

  it('keep annotations on one line, so the text is never taken for one', () => {
    const message = formatFindingMessage('x', { waiver: 'two\nlines (o, expires 2030-01-01)' });
    expect(parseFindingMessage(message).waiver).toBe('two lines (o, expires 2030-01-01)');
    // A rule text that merely mentions the words is not an annotation unless it is the trailing line.
    expect(parseFindingMessage('waived: by nobody\nstill a violation')).toEqual({ text: 'waived: by nobody\nstill a violation', kind: 'violation' });
    expect(parseFindingMessage('waived: alone')).toEqual({ text: 'waived: alone', kind: 'violation' });
  });

  it('say in an undecided text the rule, the property and "unknown until apply"', () => {
    expect(undecidedFindingText('sg-no-public-admin-ingress', 'ingress[0].cidrBlocks')).toBe(
      'sg-no-public-admin-ingress cannot decide in this mode: `ingress[0].cidrBlocks` is unknown until apply. ' +
        'The verdict comes from a run where the value is known (an update).',
    );
    expect(undecidedFindingText('r', 'p', 'it decides everything.')).toContain('is unknown until apply: it decides everything. The verdict');
  });
});
