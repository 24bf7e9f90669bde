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

/** Sets how this run reports; call before any progress is written. */
export function configureOutput(next: OutputSettings): void {
  settings = next;
}

/** The current settings (a new object each time they are configured). */
export function outputSettings(): OutputSettings {
  return settings;
}
