/**
 * Pulumi URNs as the engine builds them (`urn:pulumi:<stack>::<project>::<qualified type>::<name>`; the SDK's
 * MockMonitor builds them differently), and the provider references the engine hands resources
 * (`<provider urn>::<provider id>`).
 */

const ROOT_STACK_TYPE = 'pulumi:pulumi:Stack';
const URN_PREFIX = 'urn:pulumi:';
const DELIMITER = '::';

/** The parts of an engine URN. */
export interface UrnParts {
  readonly stack: string;
  readonly project: string;
  /** The parent type chain and the resource's own type, joined by `$` (`aws:s3/bucketV2:BucketV2`, `my:C$aws:...`). */
  readonly qualifiedType: string;
  /** The resource's own type: the last link of the qualified type. */
  readonly type: string;
  readonly name: string;
}

/**
 * Splits an engine URN into its parts; undefined for text that is not one. The name is everything after the
 * qualified type, as the engine reads it (a name may itself contain `::`).
 */
export function parseUrn(urn: string): UrnParts | undefined {
  if (!urn.startsWith(URN_PREFIX)) return undefined;
  const parts = urn.slice(URN_PREFIX.length).split(DELIMITER);
  if (parts.length < 4) return undefined;
  const [stack, project, qualifiedType] = parts as [string, string, string];
  const name = parts.slice(3).join(DELIMITER);
  return { stack, project, qualifiedType, type: qualifiedType.slice(qualifiedType.lastIndexOf('$') + 1), name };
}

/** The resource name a URN ends with; undefined for text that is not a URN. */
export function urnName(urn: string): string | undefined {
  return parseUrn(urn)?.name;
}

/**
 * The engine's URN for a resource: children of the root stack carry their own type; children of any other
 * resource carry the parent's full qualified type chain, joined by `$`.
 */
export function engineUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
  let qualifiedType = type;
  if (parentUrn) {
    const parent = parseUrn(parentUrn);
    if (!parent) throw new Error(`not a Pulumi URN: ${parentUrn}`);
    if (parent.qualifiedType !== ROOT_STACK_TYPE) qualifiedType = `${parent.qualifiedType}$${type}`;
  }
  return `${URN_PREFIX}${stack}${DELIMITER}${project}${DELIMITER}${qualifiedType}${DELIMITER}${name}`;
}

/** The provider's URN in a provider reference (`<provider urn>::<provider id>`, as a resource's `provider`). */
export function providerUrnOf(reference: string): string {
  return reference.slice(0, reference.lastIndexOf(DELIMITER));
}
