/**
 * `--pack-timeout`: how long a policy pack may take to start serving and to answer each Analyzer call. One
 * duration sets both (`90s`), or each by name (`start=60s,analyze=5m`); durations are a number and a unit (ms, s,
 * m), or several (`1m30s`).
 */
import { UsageError } from './exit-codes';

export interface PackTimeouts {
  /** Until the pack prints its port and answers GetAnalyzerInfo. */
  readonly startMs: number;
  /** Each Analyzer call (Configure, Analyze of one resource, AnalyzeStack). */
  readonly analyzeMs: number;
}

/** The timeouts of the Pulumi CLI's own plugin start and of the engine's analyzer calls. */
export const DEFAULT_PACK_TIMEOUTS: PackTimeouts = { startMs: 60_000, analyzeMs: 120_000 };

const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** Milliseconds of a duration such as `90s`, `2m`, `1m30s` or `500ms`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    consumed = pattern.lastIndex;
  }
  return consumed === text.length && text.length > 0 && total > 0 ? Math.round(total) : undefined;
}

/** Parses a `--pack-timeout` value. Throws {@link UsageError} saying what it accepts. */
export function parsePackTimeout(spec: string, command?: 'check' | 'preview' | 'rules'): PackTimeouts {
  const wrong = (why: string) =>
    new UsageError(`--pack-timeout "${spec}": ${why} (e.g. --pack-timeout 90s or --pack-timeout start=60s,analyze=5m; units ms, s, m)`, command);
  const single = parseDuration(spec);
  if (single !== undefined) return { startMs: single, analyzeMs: single };
  const timeouts = { ...DEFAULT_PACK_TIMEOUTS };
  for (const part of spec.split(',')) {
    const [name, value, ...rest] = part.split('=');
    const milliseconds = value === undefined || rest.length > 0 ? undefined : parseDuration(value.trim());
    if (milliseconds === undefined) throw wrong(`"${part}" is not NAME=DURATION`);
    if (name?.trim() === 'start') timeouts.startMs = milliseconds;
    else if (name?.trim() === 'analyze') timeouts.analyzeMs = milliseconds;
    else throw wrong(`"${name}" is neither start nor analyze`);
  }
  return timeouts;
}
