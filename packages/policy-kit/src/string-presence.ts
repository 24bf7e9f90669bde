/**
 * Whether a string input such as a key ARN or an id is set. In a first-time preview such inputs are usually
 * outputs of other resources and arrive unknown; an unknown there will be a real value once the source exists,
 * so it counts as set (the update, with every value known, re-checks it).
 */
import { isUnknown } from '@bulwark/aws-model';

/** True when `value` is a non-blank string or an engine unknown. */
export function isStringSet(value: unknown): boolean {
  return isUnknown(value) || (typeof value === 'string' && value.trim() !== '');
}
