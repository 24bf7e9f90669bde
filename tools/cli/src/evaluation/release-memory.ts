/**
 * A full garbage collection between the phases of a check. A program run leaves most of its peak as garbage
 * (the SDK's per-output promises), and V8, sized for this machine's memory, would rather grow the heap than
 * collect it; the analysis phase then adds its own garbage on top. Collecting once between phases keeps the
 * process's peak at the program run's own peak (measured: 1.9 GB -> see bench/RESULTS.md at 10,000 resources).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined;

/** Runs a full garbage collection (the `gc` function V8 exposes once `--expose-gc` is set). */
export function releaseMemory(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * A full collection that also compacts the whole heap. A large program run leaves its survivors scattered over
 * the pages it grew to, and a plain collection frees the garbage but keeps nearly every page in use: at 10,000
 * resources the process stays at about 1 GB resident for about 300 MB of live objects through the analysis,
 * while the pack process grows to 600 MB answering AnalyzeStack (bench/ratios' 10,000-resource program).
 * Compacting moves the survivors together and returns the rest, but needs room for the copies while it moves
 * them: run it once a plain {@link releaseMemory} has returned the empty pages (not right after a run, at its
 * peak). It costs about 0.3 s at 10,000 resources.
 */
export function compactMemory(): void {
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    releaseMemory();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * Resolves once the pages a plain collection freed are back with the system (V8 returns them on a background
 * thread, within about half a second at 10,000 resources): when the resident set is within `slackBytes` of the
 * heap V8 keeps, or after `limitMs` at most.
 */
export async function pagesReturned(slackBytes = 400 * 1024 ** 2, limitMs = 1500): Promise<void> {
  const until = Date.now() + limitMs;
  for (;;) {
    const { rss, heapTotal } = process.memoryUsage();
    if (rss <= heapTotal + slackBytes || Date.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
