import { readPulumiProject, readStackSettings } from '@bulwark/offline';

/**
 * The config of a stack's `Pulumi.<stack>.yaml` by namespaced key, read as `bulwark check` reads it (the offline
 * engine's reader), so tests run what a deploy would. Throws naming the directory when the stack has no file:
 * a test of a stack that does not exist must not pass on project defaults.
 */
export function readStackConfigFile(directory: string, stack: string): Record<string, unknown> {
  const settings = readStackSettings(readPulumiProject(directory), stack);
  if (settings.file === undefined) throw new Error(`${directory}: no Pulumi.${stack}.yaml, so there is no "${stack}" stack to test`);
  return settings.config;
}

/** The account a stack deploys into: the first of `aws:allowedAccountIds` in its config file. */
export function deploymentAccountOf(config: Readonly<Record<string, unknown>>, stack: string): string {
  const accounts = config['aws:allowedAccountIds'];
  if (!Array.isArray(accounts) || typeof accounts[0] !== 'string') throw new Error(`Pulumi.${stack}.yaml sets no aws:allowedAccountIds`);
  return accounts[0];
}
