/** The JSON report: the versioned document described by docs/report-schema.json. */
import { type Report } from './report-model';

/** Renders the report as JSON (stable key order: the model's). */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
