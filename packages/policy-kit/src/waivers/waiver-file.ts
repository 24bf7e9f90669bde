/**
 * The pack's waiver file (`waivers.yaml`): a list of `{ rule, resource, reason, owner, expires }` entries that
 * downgrade matching findings to advisory until they expire. The file is validated when the pack loads, so a
 * waiver without a reason, owner or a real expiry date, or one naming a rule the pack does not have, stops the
 * pack with an error that names the entry and the field instead of silently waiving (or not waiving) anything.
 */
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { z } from 'zod';
import { isUrnGlob } from './resource-glob';

/** One waiver, as validated from the file. */
export interface Waiver {
  /** The rule id (RULES.md) the waiver applies to. */
  readonly rule: string;
  /** A resource name glob or a URN glob (`*`, `?`). */
  readonly resource: string;
  /** Why the finding is accepted for now. */
  readonly reason: string;
  /** Who answers for the waiver (a person or team). */
  readonly owner: string;
  /** The last day (`YYYY-MM-DD`, UTC) on which the waiver applies. */
  readonly expires: string;
  /** Where the waiver was declared, e.g. `waivers.yaml: waivers[2] (rule s3-bucket-versioning)`. */
  readonly source: string;
}

/** A waiver file that cannot be used; the message lists every bad entry with its field. */
export class WaiverFileError extends Error {
  override readonly name = 'WaiverFileError';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as `YYYY-MM-DD`. */
function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const requiredText = (field: string, why: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `"${field}" is missing: ${why}` : `"${field}" must be a string`) })
    .refine((text) => text.trim() !== '', { message: `"${field}" is empty: ${why}` });

const waiverEntrySchema = z.strictObject(
  {
    rule: requiredText('rule', 'name the rule id (RULES.md) the waiver applies to'),
    resource: requiredText('resource', 'give a resource name glob or URN glob; an empty glob would match nothing').refine(
      (pattern) => !isUrnGlob(pattern) || pattern.startsWith('urn:pulumi:'),
      { message: '"resource" looks like a URN but does not start with "urn:pulumi:"' },
    ),
    reason: requiredText('reason', 'every waiver says why the finding is accepted'),
    owner: requiredText('owner', 'every waiver names who answers for it'),
    expires: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? '"expires" is missing: every waiver expires (YYYY-MM-DD)'
            : `"expires" must be a date written YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
      })
      .refine(isCalendarDate, { error: (issue) => `"expires" is not a real date YYYY-MM-DD, got ${JSON.stringify(issue.input)}` }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'a waiver must be a mapping with rule, resource, reason, owner, expires') },
);

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (allowed: rule, resource, reason, owner, expires)`;
  }
  return issue.message;
}

function entryLabel(source: string, index: number, entry: unknown): string {
  const rule = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)['rule'] : undefined;
  return `${source}: waivers[${index}]${typeof rule === 'string' && rule ? ` (rule ${rule})` : ''}`;
}

export interface ParseWaiversOptions {
  /** Names the file in error messages. */
  readonly source: string;
  /** The rule ids of the pack: a waiver for any other id is an error (a typo would otherwise waive nothing). */
  readonly ruleIds: readonly string[];
}

/** Parses and validates the text of a waiver file; throws {@link WaiverFileError} listing every problem. */
export function parseWaivers(text: string, options: ParseWaiversOptions): Waiver[] {
  const { source } = options;
  let document: unknown;
  try {
    // The core schema keeps `expires: 2025-01-31` a string instead of turning it into a Date at local midnight.
    document = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: source });
  } catch (error) {
    throw new WaiverFileError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  if (document === undefined || document === null) return [];
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new WaiverFileError(`${source}: expected a mapping with a "waivers" list at the top level`);
  }
  const extraKeys = Object.keys(document).filter((key) => key !== 'waivers');
  if (extraKeys.length > 0) {
    throw new WaiverFileError(`${source}: unknown top-level key ${extraKeys.map((key) => `"${key}"`).join(', ')} (only "waivers" is allowed)`);
  }
  const entries = (document as { waivers?: unknown }).waivers;
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new WaiverFileError(`${source}: "waivers" must be a list of waivers`);

  const knownRules = new Set(options.ruleIds);
  const problems: string[] = [];
  const waivers: Waiver[] = [];
  entries.forEach((entry: unknown, index) => {
    const label = entryLabel(source, index, entry);
    const parsed = waiverEntrySchema.safeParse(entry);
    const entryProblems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
    const rule = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)['rule'] : undefined;
    if (typeof rule === 'string' && rule.trim() !== '' && !knownRules.has(rule)) {
      entryProblems.push(`"rule" ${JSON.stringify(rule)} is not a rule of this pack (see RULES.md for the ids)`);
    }
    if (!parsed.success || entryProblems.length > 0) {
      problems.push(...entryProblems.map((problem) => `${label}: ${problem}`));
      return;
    }
    waivers.push({ ...parsed.data, source: label });
  });
  if (problems.length > 0) {
    throw new WaiverFileError(`invalid waiver file:\n  ${problems.join('\n  ')}`);
  }
  return waivers;
}

/** Reads and validates a waiver file; a missing file is an error too (the pack ships one). */
export function loadWaivers(file: string, ruleIds: readonly string[]): Waiver[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WaiverFileError(`cannot read the waiver file ${file}: ${(error as Error).message}`);
  }
  return parseWaivers(text, { source: file, ruleIds });
}
