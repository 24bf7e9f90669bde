/**
 * IAM policy variables (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * `${aws:username}` in a `Resource` entry or a string, ARN or Boolean condition value stands for the request
 * context's value of that key. What the page fixes:
 * - a variable is replaced only in documents whose `Version` is `2012-10-17`; elsewhere it is plain text
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html);
 * - key names are case-insensitive; only a single-valued key can be a variable;
 * - `${key, 'default'}` gives the text used when the key has no value (`''` writes a quote inside it);
 * - `${*}`, `${?}` and `${$}` write those characters literally, never as wildcards;
 * - a variable whose key has no value in the request (and no default) has no value: the pattern holding it
 *   matches nothing ("there is no equal or like value").
 * The replacement's text matches literally too: a user name holding `*` is not a wildcard.
 */
import { isUnknown, UNDECIDED, type Undecided } from '../unknown';
import { type PatternPart } from './wildcard';

/** The request context as the evaluator reads it: lower-cased key to its values (one for a single-valued key). */
export type ContextValues = ReadonlyMap<string, readonly string[]>;

/** What a policy value becomes once its variables are replaced. */
export type ResolvedPattern =
  /** The pattern, with the replaced text marked literal. */
  | { readonly kind: 'pattern'; readonly parts: readonly PatternPart[] }
  /** A variable names a key the request does not carry (and gives no default): the value matches nothing. */
  | { readonly kind: 'no-value'; readonly variable: string }
  /** A variable's value is an engine unknown (a first preview): whether it matches is not known. */
  | Undecided;

const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/** Reads `${...}` starting at `start` (the `$`); undefined when the text there is not a well-formed variable. */
function readVariable(text: string, start: number): { key: string; fallback?: string; end: number } | undefined {
  let index = start + 2;
  let key = '';
  while (index < text.length && text[index] !== '}' && text[index] !== ',') key += text[index++];
  if (index >= text.length) return undefined;
  if (text[index] === '}') return key.trim() === '' ? undefined : { key: key.trim(), end: index + 1 };
  // `, 'default'`: a single-quoted text in which '' stands for one quote.
  index++;
  while (text[index] === ' ') index++;
  if (text[index] !== "'") return undefined;
  index++;
  let fallback = '';
  for (;;) {
    if (index >= text.length) return undefined;
    if (text[index] === "'") {
      if (text[index + 1] === "'") {
        fallback += "'";
        index += 2;
        continue;
      }
      index++;
      break;
    }
    fallback += text[index++];
  }
  while (text[index] === ' ') index++;
  return text[index] === '}' && key.trim() !== '' ? { key: key.trim(), fallback, end: index + 1 } : undefined;
}

/**
 * Replaces the policy variables of `value` from `context`. Text that is not a well-formed variable stays as
 * written. See the module comment for what each case gives.
 */
export function resolvePolicyVariables(value: string, context: ContextValues): ResolvedPattern {
  const parts: PatternPart[] = [];
  let text = '';
  let index = 0;
  while (index < value.length) {
    const variable = value.startsWith('${', index) ? readVariable(value, index) : undefined;
    if (!variable) {
      text += value[index++];
      continue;
    }
    if (text !== '') parts.push({ text, literal: false });
    text = '';
    index = variable.end;
    const escape = ESCAPES[variable.key];
    if (escape !== undefined) {
      parts.push({ text: escape, literal: true });
      continue;
    }
    const values = context.get(variable.key.toLowerCase());
    if (values !== undefined && values.length === 1) {
      const replacement = values[0] as string;
      if (isUnknown(replacement)) return UNDECIDED;
      parts.push({ text: replacement, literal: true });
    } else if (variable.fallback !== undefined) {
      parts.push({ text: variable.fallback, literal: true });
    } else {
      return { kind: 'no-value', variable: variable.key };
    }
  }
  if (text !== '' || parts.length === 0) parts.push({ text, literal: false });
  return { kind: 'pattern', parts };
}

/** The value as a pattern with no variable replaced: how documents other than `2012-10-17` read. */
export function unresolvedPattern(value: string): ResolvedPattern {
  return { kind: 'pattern', parts: [{ text: value, literal: false }] };
}
