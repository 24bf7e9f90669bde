/** How much of a stack's work may happen at once, by its size: a small stack's phases overlap, a large one's do not. */

/**
 * Up to how many resources a stack's work may overlap: the next mode's program run with the analysis of the last
 * one, and several packs' analyses with each other. Above it one thing at a time, every run before any analysis:
 * at 10,000 resources a program run peaks at about 1.4 GB and a pack process at about 550 MB once it has
 * analyzed, and together they would pass the 1.5 GB the check is held to (bench/RESULTS.md).
 */
export const OVERLAP_RESOURCE_LIMIT = 2_000;

/**
 * Whether a program of this many resources (its last run's, if known) runs while its packs start: all but large
 * ones (see pack-set.ts).
 */
export function isOrdinary(resources: number | undefined): boolean {
  return resources === undefined || resources <= OVERLAP_RESOURCE_LIMIT;
}
