/**
 * The AWS region a resource lives in. In @pulumi/aws v7 every resource takes a `region` input that overrides the
 * provider's; otherwise the resource's provider (explicit or the default one, configured by `aws:region`) decides.
 */
import { rawProps, stringValue, UNDECIDED, type Undecided } from './values';

/** The part of a policy resource (or resource validation args) that locates it. */
export interface RegionedResource {
  readonly props: unknown;
  readonly provider?: { readonly props: unknown };
}

/**
 * A provider property that may arrive as JSON text (the aws provider serialises its inputs): the string, trimmed;
 * UNDECIDED when unknown; undefined when absent, empty or not a string.
 */
export function providerString(value: unknown): string | Undecided | undefined {
  const text = stringValue(value);
  if (typeof text !== 'string') return text;
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return typeof parsed === 'string' ? parsed : undefined;
    } catch {
      return trimmed;
    }
  }
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The resource's region: its own `region` input, else its provider's `region`; UNDECIDED when the deciding value
 * is unknown; undefined when neither says (no provider information, e.g. a record without a provider).
 */
export function resourceRegion(resource: RegionedResource): string | Undecided | undefined {
  const own = stringValue(rawProps(resource.props)['region']);
  if (own === UNDECIDED) return UNDECIDED;
  if (own !== undefined && own.trim() !== '') return own.trim();
  if (!resource.provider) return undefined;
  return providerString(rawProps(resource.provider.props)['region']);
}
