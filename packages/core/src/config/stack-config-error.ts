/** One invalid stack config value: where it is, what it was, and what it should look like. */
export interface ConfigIssue {
  /** The full config key, with an index or member for values inside lists and maps (`network:sshAllowedCidrs[1]`). */
  readonly key: string;
  /** The offending value as read from config; undefined when the key is missing. */
  readonly value: unknown;
  /** The form the value must take, in words a stack owner can act on. */
  readonly expected: string;
  /** Set for keys whose value must not be echoed (it may be a secret that landed under the wrong key). */
  readonly valueHidden?: boolean;
}

/**
 * Thrown before any resource is created when the stack's Pulumi config is invalid. It lists every bad key at
 * once so a stack owner fixes their `Pulumi.<stack>.yaml` in one pass rather than one error per run.
 */
export class StackConfigError extends Error {
  override readonly name = 'StackConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(describeIssues(issues));
  }
}

/** Renders a value for an error message: strings quoted, missing values named as such. */
export function describeConfigValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  return JSON.stringify(value) ?? String(value);
}

function describeIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map(
    (issue) =>
      `  ${issue.key} = ${issue.valueHidden ? '(value not shown)' : describeConfigValue(issue.value)}: expected ${issue.expected}`,
  );
  const noun = issues.length === 1 ? 'value' : 'values';
  return `Invalid stack config (${issues.length} ${noun}); fix them in Pulumi.<stack>.yaml or with \`pulumi config set\`:\n${lines.join('\n')}`;
}
