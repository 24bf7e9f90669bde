/**
 * The progress of a run on stderr: one line per stack. On a terminal the line of the running stack is live (it
 * shows the seconds so far and is rewritten in place with the outcome when the stack finishes); elsewhere (a CI
 * log, a file) each stack gets one plain line when it finishes. `--quiet` leaves out the stack lines and the
 * status lines, never a notice (a pack keeping a call waiting).
 *
 * Whatever else writes to the stream while a live line is shown (the program's own output, a notice, an error)
 * first erases the line and then gets it redrawn under its output, so the two never share a line.
 */
import { describeCounts, groupFindings, plural, stackMode } from './report/finding-groups';
import { type StackReport } from './report/report-model';
import { formatDuration, paletteFor, printable, type Palette } from './report/text-report';

/** The stream progress goes to (stderr), as far as the display uses it. */
export interface ProgressStream {
  write: (chunk: string | Uint8Array, ...rest: never[]) => boolean;
  readonly columns?: number;
}

export interface ProgressSettings {
  /** Rewrite the running stack's line in place (a terminal). */
  readonly live: boolean;
  readonly colour: boolean;
  /** `--quiet`: no stack or status lines. */
  readonly quiet: boolean;
  /** How often the live line's seconds are redrawn. @default 1000 */
  readonly tickMs?: number;
  /** The clock (tests give their own). @default Date.now */
  readonly now?: () => number;
}

const ERASE_LINE = '\r\u001b[2K';

/**
 * `  pass network/dev (preview): 40 resources, no findings, 713 ms`: the line of a stack that finished, with the
 * time it took as a whole (`elapsedMs`: program, packs and all) when known, else its program's run.
 */
export function finishedStackLine(stack: StackReport, palette: Palette, elapsedMs = stack.durationMs): string {
  const [shown] = groupFindings([stack]);
  const counts = shown ? describeCounts(shown.counts) : 'no findings';
  const failed = (shown?.counts.mandatory ?? 0) > 0;
  const mode = stackMode(stack);
  const name = `${printable(stack.project)}/${printable(stack.stack)}${mode ? ` (${mode})` : ''}`;
  const status = failed ? palette.red(palette.bold('FAIL')) : palette.green('pass');
  return `  ${status} ${palette.bold(name)}: ${plural(stack.resources.length, 'resource')}, ${failed ? palette.red(counts) : counts}, ${palette.dim(formatDuration(elapsedMs))}`;
}

interface RunningStack {
  readonly name: string;
  readonly startedAt: number;
}

/** Progress lines on one stream; see the module comment. */
export class ProgressDisplay {
  private readonly palette: Palette;
  private readonly now: () => number;
  private readonly write: (text: string) => void;
  private running: RunningStack | undefined;
  /** The live line is on screen (the cursor is at its end). */
  private drawn = false;
  /** The last foreign write ended a line: the live line may be drawn. */
  private atLineStart = true;
  private timer: ReturnType<typeof setInterval> | undefined;
  private restoreWrite: (() => void) | undefined;
  private readonly onExit = () => this.interrupted();

  constructor(
    private readonly stream: ProgressStream,
    private readonly settings: ProgressSettings,
  ) {
    this.palette = paletteFor(settings.colour);
    this.now = settings.now ?? Date.now;
    const original = stream.write;
    this.write = (text) => void original.call(stream, text);
  }

  /** The run's status (what runs, where the report went): left out by `--quiet`. */
  status(message: string): void {
    if (!this.settings.quiet) this.line(message);
  }

  /** Something the user must see even with `--quiet` (a pack keeping a call waiting). */
  notice(message: string): void {
    this.line(message);
  }

  /** A stack starts running: on a terminal, its live line. */
  stackStarted(name: string): void {
    this.interrupted();
    this.running = { name, startedAt: this.now() };
    if (this.settings.quiet || !this.settings.live) return;
    this.interceptWrites();
    process.prependListener('exit', this.onExit);
    this.draw();
    this.timer = setInterval(() => this.draw(), this.settings.tickMs ?? 1000);
    // The line is decoration: it must never keep Node alive, nor count as work the engine waits for.
    this.timer.unref();
  }

  /** The stack finished: its line with the outcome (the live line rewritten, or a new plain line). */
  stackFinished(stack: StackReport): void {
    const running = this.running;
    this.endLive();
    this.running = undefined;
    const elapsed = running ? this.now() - running.startedAt : stack.durationMs;
    if (!this.settings.quiet) this.write(`${finishedStackLine(stack, this.palette, elapsed)}\n`);
  }

  /** The run failed while a stack was running: its line says so, on its own line, before the error is printed. */
  interrupted(): void {
    const running = this.running;
    this.endLive();
    this.running = undefined;
    if (!running || this.settings.quiet) return;
    const elapsed = formatDuration(this.now() - running.startedAt);
    this.write(`  ${this.palette.red('stop')} ${this.palette.bold(printable(running.name))}: did not finish, ${this.palette.dim(elapsed)}\n`);
  }

  private line(message: string): void {
    this.erase();
    this.write(`${message}\n`);
    this.draw();
  }

  private liveText(): string {
    const running = this.running as RunningStack;
    const seconds = Math.floor((this.now() - running.startedAt) / 1000);
    const text = `  ${this.palette.cyan('run ')} ${this.palette.bold(printable(running.name))}: running, ${this.palette.dim(`${seconds} s`)}`;
    // A terminal that does not say its width (0 under some emulators) gets the common 80.
    const width = (this.stream.columns || 80) - 1;
    // A line wider than the terminal wraps, and a carriage return then rewrites only its last row.
    // eslint-disable-next-line no-control-regex
    const visible = text.replace(/\u001b\[[0-9;]*m/g, '');
    return visible.length > width ? visible.slice(0, Math.max(0, width - 1)) + '…' : text;
  }

  private draw(): void {
    if (!this.running || !this.restoreWrite || !this.atLineStart) return;
    this.write(`${ERASE_LINE}${this.liveText()}`);
    this.drawn = true;
  }

  private erase(): void {
    if (!this.drawn) return;
    this.write(ERASE_LINE);
    this.drawn = false;
  }

  private endLive(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.erase();
    this.restoreWrite?.();
    this.restoreWrite = undefined;
    this.atLineStart = true;
    process.removeListener('exit', this.onExit);
  }

  /** Every other write to the stream erases the live line first and redraws it after a complete line. */
  private interceptWrites(): void {
    const stream = this.stream;
    const original = stream.write;
    const intercepted = (chunk: string | Uint8Array, ...rest: never[]): boolean => {
      this.erase();
      const written = original.call(stream, chunk, ...rest);
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (text.length > 0) this.atLineStart = text.endsWith('\n');
      this.draw();
      return written;
    };
    stream.write = intercepted;
    this.restoreWrite = () => {
      if (stream.write === intercepted) stream.write = original;
    };
  }
}
