/**
 * The CODEOWNERS lines of a new stack, written the way the file already has them: the stack's directory owned by its
 * team, and its pack config (which can turn a mandatory rule advisory) reviewed by its team and the reviewers every
 * other stack's pack config has (the security team). Each goes after the last line of its kind, aligned like it.
 */

const STACK_LINE = /^\/stacks\/[^/\s]+\/\s+@/;
const PACK_CONFIG_LINE = /^\/stacks\/[^/\s]+\/policy-config\*\.json\s+@/;

function ownersOf(line: string): string[] {
  return line.trim().split(/\s+/).slice(1);
}

/** `@org/team` for `team` in the organisation the stack lines use; an owner given as `@org/team` stays as it is. */
function teamHandle(owner: string, stackLines: readonly string[]): string {
  if (owner.startsWith('@')) return owner;
  const organization = stackLines.flatMap(ownersOf).map((handle) => /^@([^/]+)\//.exec(handle)?.[1]).find((found) => found !== undefined);
  if (organization === undefined) throw new Error(`.github/CODEOWNERS: no /stacks/<name>/ line names a team as @<organization>/<team>; give --owner as @<organization>/<team>`);
  return `@${organization}/${owner}`;
}

function aligned(pattern: string, owners: readonly string[], like: string): string {
  const column = like.indexOf('@');
  return `${pattern.padEnd(Math.max(column, pattern.length + 1))}${owners.join(' ')}`;
}

function insertAfterLast(lines: string[], matches: RegExp, line: string): void {
  const index = lines.map((candidate) => matches.test(candidate)).lastIndexOf(true);
  lines.splice(index + 1, 0, line);
}

/**
 * `codeowners` with the lines of stack `name` owned by `owner` added. Throws naming the file when it has no stack
 * lines to follow (a workspace without stacks needs its CODEOWNERS written by hand first).
 */
export function withStackOwners(codeowners: string, name: string, owner: string): string {
  const lines = codeowners.split('\n');
  const stackLines = lines.filter((line) => STACK_LINE.test(line));
  const packConfigLines = lines.filter((line) => PACK_CONFIG_LINE.test(line));
  if (stackLines.length === 0 || packConfigLines.length === 0) {
    throw new Error('.github/CODEOWNERS: no /stacks/<name>/ and /stacks/<name>/policy-config*.json lines to add the new stack beside');
  }
  const team = teamHandle(owner, stackLines);
  // The reviewers every stack's pack config has besides its own team.
  const stackTeams = new Map(stackLines.map((line) => [line.trim().split(/\s+/)[0] as string, ownersOf(line)]));
  const extra = packConfigLines
    .map((line) => {
      const pattern = line.trim().split(/\s+/)[0] as string;
      const own = stackTeams.get(pattern.replace('policy-config*.json', '')) ?? [];
      return ownersOf(line).filter((handle) => !own.includes(handle));
    })
    .reduce((common, handles) => common.filter((handle) => handles.includes(handle)));
  if (lines.some((line) => line.trim().startsWith(`/stacks/${name}/`))) return codeowners;
  insertAfterLast(lines, STACK_LINE, aligned(`/stacks/${name}/`, [team], stackLines[0] as string));
  insertAfterLast(lines, PACK_CONFIG_LINE, aligned(`/stacks/${name}/policy-config*.json`, [team, ...extra], packConfigLines[0] as string));
  return lines.join('\n');
}
