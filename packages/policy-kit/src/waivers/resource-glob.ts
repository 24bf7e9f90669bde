/**
 * The `resource` field of a waiver: a resource name glob (`scratch-*`) or a URN glob
 * (`urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::logs-?`). `*` matches any run of characters (also `::`,
 * so `urn:pulumi:*::logs` covers every stack and project) and `?` exactly one; everything else is literal.
 */

/** Decides whether a finding's resource is covered by a waiver. */
export type ResourceMatcher = (urn: string | undefined, name: string | undefined) => boolean;

/** True when a waiver's `resource` is a URN glob (matched against the URN) rather than a name glob. */
export function isUrnGlob(pattern: string): boolean {
  return pattern.startsWith('urn:');
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (const character of pattern) {
    if (character === '*') source += '[\\s\\S]*';
    else if (character === '?') source += '[\\s\\S]';
    else source += character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Compiles a waiver's `resource` glob. A lone `*` also covers findings about the stack as a whole (which have
 * no resource); any other glob only covers findings on a resource whose URN (URN glob) or name matches.
 */
export function resourceMatcher(pattern: string): ResourceMatcher {
  const expression = globToRegExp(pattern);
  if (pattern === '*') return () => true;
  if (isUrnGlob(pattern)) return (urn) => urn !== undefined && expression.test(urn);
  return (_urn, name) => name !== undefined && expression.test(name);
}
