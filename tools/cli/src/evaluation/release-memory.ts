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
