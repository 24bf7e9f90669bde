/**
 * Notices a program run that can no longer make progress: a promise that never settles, an output whose `apply`
 * threw while a resource waits for it, a lookup that answered nothing inside a component. Under the Pulumi CLI the
 * language host reports such a program as an error; a plain Node process would instead run out of work and exit
 * 0, with no report. The watch fires in either of two ways:
 *
 * - Node runs out of work while the run is in progress (`beforeExit`): nothing can ever resume the program.
 * - In a process that stays alive for other reasons (a test runner, policy packs already started): for `idleMs`
 *   nothing the run tracks moved (no registration started or received) and nothing beyond what was active when
 *   the run started (timers, file reads, sockets, child processes) is keeping Node busy, so nothing the program
 *   started can call it back. Active resources are compared as counts per kind, so a handle of the same kind
 *   closing elsewhere while the program waits on a new one could look idle; the idle period makes that unlikely
 *   to last, and a run that moves again is never reported.
 */

/** Counts of each kind of resource keeping Node busy (`Timeout`, `FSReqCallback`, `TCPWrap`...). */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

function withinBaseline(current: ReadonlyMap<string, number>, baseline: ReadonlyMap<string, number>): boolean {
  for (const [kind, count] of current) if (count > (baseline.get(kind) ?? 0)) return false;
  return true;
}

export interface StallWatchOptions {
  /** How long nothing may move before the run is declared stalled. @default 2000 */
  readonly idleMs?: number;
  /** Bumped by the run whenever it makes progress. */
  readonly activity: () => number;
}

/** A running watch: `stalled` resolves once the run can no longer make progress; `stop` ends the watch. */
export interface StallWatch {
  readonly stalled: Promise<void>;
  stop(): void;
}

/** Starts watching the current run. The caller must {@link StallWatch.stop} it when the run ends. */
export function watchForStall(options: StallWatchOptions): StallWatch {
  const idleMs = options.idleMs ?? 2000;
  const baseline = activeResources();
  let lastActivity = options.activity();
  let idleSince = Date.now();
  let fire!: () => void;
  const stalled = new Promise<void>((resolve) => (fire = resolve));
  const timer = setInterval(
    () => {
      const activity = options.activity();
      if (activity !== lastActivity || !withinBaseline(activeResources(), baseline)) {
        lastActivity = activity;
        idleSince = Date.now();
      } else if (Date.now() - idleSince >= idleMs) {
        fire();
      }
    },
    Math.min(250, Math.max(10, idleMs / 4)),
  );
  // The watch itself must never keep Node alive, or it would hide the very stall it looks for.
  timer.unref();
  const onBeforeExit = () => fire();
  process.on('beforeExit', onBeforeExit);
  return {
    stalled,
    stop: () => {
      clearInterval(timer);
      process.off('beforeExit', onBeforeExit);
    },
  };
}
