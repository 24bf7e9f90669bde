/** Config keys as the Pulumi CLI names them: `<namespace>:<name>`, bare keys belonging to the project. */

/** The namespaced form of a config key: a bare key belongs to the project, as in the Pulumi CLI. */
export function namespacedKey(key: string, projectName: string): string {
  return key.includes(':') ? key : `${projectName}:${key}`;
}
