/**
 * The calls a policy pack has not answered yet, so that a slow pack is never silent: after `noticeMs` (or half the
 * call's timeout, if that is shorter) without an answer to the oldest call, and then every `repeatMs`, the watch
 * says what it is waiting for (`onWaiting`).
 */

export interface CallWatchOptions {
  /** Told what the pack has not answered, once the oldest call has waited `noticeMs`. */
  readonly onWaiting?: (message: string) => void;
  /** @default 5000 */
  readonly noticeMs?: number;
  /** @default 30000 */
  readonly repeatMs?: number;
}

interface Waiting {
  readonly what: string;
  readonly started: number;
  readonly timeoutMs: number;
}

function seconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 1000)} s`;
}

export class CallWatch {
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastNotice = 0;

  constructor(
    /** The pack, as messages name it. */
    private readonly pack: string,
    private readonly options: CallWatchOptions = {},
  ) {}

  /** Records a call that was sent; returns the function that records its answer. */
  begin(what: string, timeoutMs: number): () => void {
    const id = this.next++;
    this.waiting.set(id, { what, started: Date.now(), timeoutMs });
    if (this.options.onWaiting && !this.timer) {
      this.timer = setInterval(() => this.check(), Math.min(1000, this.options.noticeMs ?? 5000, timeoutMs / 4));
      // Watching must never keep Node alive by itself: the call in flight does that.
      this.timer.unref();
    }
    return () => {
      this.waiting.delete(id);
      if (this.waiting.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.lastNotice = 0;
      }
    };
  }

  private check(): void {
    const now = Date.now();
    const oldest = [...this.waiting.values()].sort((a, b) => a.started - b.started)[0];
    if (!oldest) return;
    const waited = now - oldest.started;
    if (waited < Math.min(this.options.noticeMs ?? 5000, oldest.timeoutMs / 2)) return;
    if (this.lastNotice && now - this.lastNotice < (this.options.repeatMs ?? 30_000)) return;
    this.lastNotice = now;
    const others = this.waiting.size - 1;
    this.options.onWaiting?.(
      `waiting for policy pack ${this.pack}: ${oldest.what} has not answered for ${seconds(waited)}` +
        `${others > 0 ? ` (${others} more call(s) waiting)` : ''}; it fails after ${seconds(oldest.timeoutMs)} (--pack-timeout)`,
    );
  }

  /** Stops watching. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
