import { readStackSettings } from '@bulwark/offline';
import { readPulumiProject } from '@bulwark/workspace';

/**
 * The config of a stack's `Pulumi.<stack>.yaml` by namespaced key, read as `bulwark check` reads it (the workspace's
 * reader, ciphertext replaced as the offline engine does), so tests run what a deploy would. Throws naming the
 * directory when the stack has no file: a test of a stack that does not exist must not pass on project defaults.
 */
export function readStackConfigFile(directory: string, stack: string): { readonly file: string; readonly config: Record<string, unknown> } {
  const settings = readStackSettings(readPulumiProject(directory), stack);
  if (settings.file === undefined) throw new Error(`${directory}: no Pulumi.${stack}.yaml, so there is no "${stack}" stack to test`);
  return { file: settings.file, config: settings.config };
}
