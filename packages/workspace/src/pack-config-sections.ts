/**
 * One pack config document for several packs: a stack's `policy-config.json` maps pack names to each pack's config
 * (`{ "aws-security": { "account-baseline-complete": "mandatory" }, "aws-deployability": {} }`); a pack without a
 * section gets its defaults. With a single pack the document is that pack's config, as `--policy-pack-config` is.
 * The one reading of that rule: `bulwark check`, `bulwark preview`, `bulwark rules` and the stacks' tests use it.
 */
import { WorkspaceError } from './workspace-error';

/** The config of each of `packNames` in `document` (read from `file`, named in errors). */
export function packConfigSections(document: Record<string, unknown>, packNames: readonly string[], file: string | undefined): Record<string, unknown>[] {
  if (packNames.length === 1) return [document];
  const unknown = Object.keys(document).filter((key) => !packNames.includes(key));
  if (unknown.length > 0) {
    throw new WorkspaceError(`${file ?? 'pack config'}: with several policy packs, keys must be pack names (${packNames.join(', ')}); unknown: ${unknown.join(', ')}`);
  }
  return packNames.map((name) => {
    const section = document[name] ?? {};
    if (!section || typeof section !== 'object' || Array.isArray(section)) {
      throw new WorkspaceError(`${file ?? 'pack config'}: "${name}" must be a JSON object of policy names to config`);
    }
    return section as Record<string, unknown>;
  });
}
