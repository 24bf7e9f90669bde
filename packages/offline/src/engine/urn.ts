/** URNs as the Pulumi engine builds them (the SDK's MockMonitor builds them differently). */

const ROOT_STACK_TYPE = 'pulumi:pulumi:Stack';

/** The qualified type of a URN: the `parent$...$type` chain. */
function qualifiedTypeOf(urn: string): string {
  const parts = urn.split('::');
  if (parts.length < 4) throw new Error(`not a Pulumi URN: ${urn}`);
  return parts[2] as string;
}

/**
 * The engine's URN for a resource: children of the root stack carry their own type; children of any other
 * resource carry the parent's full qualified type chain, joined by `$`.
 */
export function engineUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
  let qualifiedType = type;
  if (parentUrn) {
    const parentType = qualifiedTypeOf(parentUrn);
    if (parentType !== ROOT_STACK_TYPE) qualifiedType = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/** The resource name a URN ends with (`...::<name>`). */
export function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf('::') + 2);
}

/** The provider's URN in a provider reference (`<provider-urn>::<provider-id>`, as a record's `provider`). */
export function providerUrnOf(reference: string): string {
  return reference.slice(0, reference.lastIndexOf('::'));
}
