/**
 * How this run reports (`--quiet`), set once by `main` before a command runs. Kept apart from report-output.ts so
 * that setting it does not load the report renderers, which a command loads only after starting its packs
 * (engine-modules.ts).
 */
export interface OutputSettings {
  /** `--quiet`: only the findings and the summary; no progress lines. */
  readonly quiet: boolean;
}

let settings: OutputSettings = { quiet: false };
const listeners: (() => void)[] = [];

/** Sets how this run reports; call before any progress is written. */
export function configureOutput(next: OutputSettings): void {
  settings = next;
  listeners.forEach((listener) => listener());
}

/** The current settings. */
export function outputSettings(): OutputSettings {
  return settings;
}

/** Calls `listener` whenever the settings change (report-output drops its display, made with the old ones). */
export function onOutputSettingsChange(listener: () => void): void {
  listeners.push(listener);
}
