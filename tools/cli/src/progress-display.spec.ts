import { ProgressDisplay, type ProgressSettings, type ProgressStream } from './progress-display';
import { sampleFinding, sampleStack, undecidedFinding } from './report/testing/sample-report';

const ESC = '\u001b';
const ERASE = '\r\u001b[2K';

/** A stream that records what was written, with a settable clock for the display. */
function fakeStream(columns?: number): ProgressStream & { text: string } {
  const stream = {
    text: '',
    ...(columns !== undefined ? { columns } : {}),
    write(chunk: string | Uint8Array): boolean {
      stream.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  };
  return stream;
}

function display(settings: Partial<ProgressSettings>, columns?: number) {
  let now = 0;
  const stream = fakeStream(columns);
  const progress = new ProgressDisplay(stream, { live: false, colour: false, quiet: false, now: () => now, tickMs: 60_000, ...settings });
  return { stream, progress, advance: (ms: number) => (now += ms) };
}

/** What a terminal shows: each line as left after carriage returns and erase-line sequences. */
function screen(text: string): string[] {
  return text.split('\n').map((line) => {
    const last = line.split(ERASE).pop() as string;
    return last.split('\r').pop() as string;
  });
}

const passed = sampleStack('network', [], {}, 40);
const failed = sampleStack('data', [sampleFinding(), undecidedFinding()], {}, 20);

describe('progress lines', () => {
  it('in a CI log (not a terminal): one plain line per stack when it finishes, nothing while it runs', () => {
    const { stream, progress, advance } = display({});
    progress.status('bulwark preview: 2 stacks');
    progress.stackStarted('network/dev');
    advance(713);
    progress.stackFinished(passed);
    progress.stackStarted('data/dev');
    advance(2500);
    progress.stackFinished(failed);
    expect(stream.text).toBe(
      [
        'bulwark preview: 2 stacks',
        '  pass network/dev (preview): 40 resources, no findings, 713 ms',
        '  FAIL data/dev (preview): 22 resources, 1 mandatory, 1 advisory (1 undecided), 2.5 s',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal: the running stack’s line is live, then rewritten in place with the outcome', () => {
    const { stream, progress, advance } = display({ live: true }, 100);
    progress.stackStarted('network/dev');
    expect(stream.text).toBe(`${ERASE}  run  network/dev: running, 0 s`);
    advance(713);
    progress.stackFinished(passed);
    expect(screen(stream.text)).toEqual(['  pass network/dev (preview): 40 resources, no findings, 713 ms', '']);
    // One line per stack: the live line became the outcome, nothing else was left.
    expect(stream.text.split('\n')).toHaveLength(2);
  });

  it('on a terminal: redraws the seconds as the stack runs, and never keeps Node alive for it', () => {
    jest.useFakeTimers();
    try {
      let now = 0;
      const stream = fakeStream(100);
      const progress = new ProgressDisplay(stream, { live: true, colour: false, quiet: false, now: () => now, tickMs: 1000 });
      progress.stackStarted('network/dev');
      now = 3200;
      jest.advanceTimersByTime(1000);
      expect(stream.text.endsWith(`${ERASE}  run  network/dev: running, 3 s`)).toBe(true);
      progress.stackFinished(passed);
    } finally {
      jest.useRealTimers();
    }
    // Its timer is not among what keeps Node alive (nor what the engine's stall watch counts as work).
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const { progress } = display({ live: true, tickMs: 1000 }, 100);
    progress.stackStarted('network/dev');
    expect(timers()).toBe(before);
    progress.stackFinished(passed);
  });

  it('on a terminal: output written by the program while the line is live goes above it, never onto it', () => {
    const { stream, progress } = display({ live: true }, 100);
    progress.stackStarted('network/dev');
    stream.write('syncing www to the bucket\n');
    stream.write('partial ');
    stream.write('line\n');
    progress.notice('waiting for policy pack aws-security');
    progress.stackFinished(passed);
    expect(screen(stream.text)).toEqual([
      'syncing www to the bucket',
      'partial line',
      'waiting for policy pack aws-security',
      '  pass network/dev (preview): 40 resources, no findings, 0 ms',
      '',
    ]);
    // The stream's own write is back once the stack finished.
    const before = stream.text;
    stream.write('after\n');
    expect(stream.text).toBe(`${before}after\n`);
  });

  it('on a terminal narrower than the line: cuts the live line so that it never wraps', () => {
    const { stream, progress } = display({ live: true, colour: true }, 20);
    progress.stackStarted('a-long-project-name/production');
    expect(stream.text).toBe(`${ERASE}  run  a-long-proj…`);
    progress.stackFinished(passed);
  });

  it('with colour: the outcome coloured (pass green, FAIL red); without: no escapes at all', () => {
    const coloured = display({ colour: true });
    coloured.progress.stackFinished(failed);
    expect(coloured.stream.text).toContain(`${ESC}[31m${ESC}[1mFAIL${ESC}[22m${ESC}[39m`);
    coloured.progress.stackFinished(passed);
    expect(coloured.stream.text).toContain(`${ESC}[32mpass${ESC}[39m`);
    const plain = display({ live: true }, 100);
    plain.progress.stackStarted('data/dev');
    plain.progress.stackFinished(failed);
    expect(plain.stream.text.replaceAll(ERASE, '')).not.toContain(ESC);
  });

  it('says which stack did not finish when the run fails, on its own line before the error', () => {
    for (const live of [true, false]) {
      const { stream, progress, advance } = display({ live }, 100);
      progress.stackStarted('data/dev');
      advance(1500);
      progress.interrupted();
      stream.write('error: the program failed\n');
      expect(screen(stream.text).filter((line) => line !== '')).toEqual(['  stop data/dev: did not finish, 1.5 s', 'error: the program failed']);
    }
  });

  it('--quiet: no status or stack lines, but notices still show', () => {
    const { stream, progress } = display({ quiet: true, live: true }, 100);
    progress.status('bulwark preview: 2 stacks');
    progress.stackStarted('network/dev');
    progress.notice('waiting for policy pack aws-security: Analyze has not answered for 5 s');
    progress.stackFinished(passed);
    progress.stackStarted('data/dev');
    progress.interrupted();
    expect(stream.text).toBe('waiting for policy pack aws-security: Analyze has not answered for 5 s\n');
  });
});
