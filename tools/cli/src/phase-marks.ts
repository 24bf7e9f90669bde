/**
 * Marks on Node's performance timeline (`bulwark:<phase>`) where a command's phases begin and end: the engine
 * loaded, each program run and each analysis. bench/profile reads them to split a CPU profile by phase; they cost
 * a timestamp each.
 */

/** Marks `phase` now. */
export function markPhase(phase: string): void {
  performance.mark(`bulwark:${phase}`);
}
