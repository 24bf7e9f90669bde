/**
 * How many resources each program's last run registered, kept between runs: whether a command can start its
 * policy packs while the program runs depends on it (pack-set.ts), and it is known only once the program has run.
 * A hint, never a result: a missing or unreadable record only means the packs start at once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where the sizes are kept (`BULWARK_RUN_SIZES`, else a file in the system temporary directory). */
function sizesFile(): string {
  return process.env['BULWARK_RUN_SIZES'] ?? path.join(os.tmpdir(), `bulwark-run-sizes-${os.userInfo().uid}.json`);
}

function readSizes(): Record<string, number> {
  try {
    const document = JSON.parse(fs.readFileSync(sizesFile(), 'utf8')) as unknown;
    return document && typeof document === 'object' && !Array.isArray(document) ? (document as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The key of a program directory and stack. */
export function runSizeKey(directory: string, stack: string): string {
  return `${path.resolve(directory)}#${stack}`;
}

/** How many resources the last run of this program and stack registered, if bulwark remembers it. */
export function lastRunSize(key: string): number | undefined {
  const size = readSizes()[key];
  return typeof size === 'number' && Number.isFinite(size) ? size : undefined;
}

/** How many programs are remembered: the most recently run ones (temporary programs come and go). */
export const REMEMBERED_PROGRAMS = 200;

/** Remembers how many resources these runs registered, by key; never fails the command. */
export function recordRunSizes(sizes: Readonly<Record<string, number>>): void {
  try {
    const file = sizesFile();
    const kept = readSizes();
    // Most recent last: a program run again moves to the end, the oldest go first.
    for (const key of Object.keys(sizes)) delete kept[key];
    const entries = Object.entries({ ...kept, ...sizes }).slice(-REMEMBERED_PROGRAMS);
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, JSON.stringify(Object.fromEntries(entries)));
    fs.renameSync(partial, file);
  } catch {
    // Only a hint for the next run.
  }
}
