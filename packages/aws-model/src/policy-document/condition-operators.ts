/**
 * The IAM condition operators, each implemented once: how one value a policy lists matches one value the request
 * carries (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * The request evaluator and the principal-restriction judge both read this table; how a whole condition treats a
 * missing key, `...IfExists`, `Null` and the `ForAllValues:` / `ForAnyValue:` set qualifiers is
 * `condition-evaluation.ts`'s.
 *
 * What the page fixes, per family:
 * - String: `StringEquals` (case-sensitive), `StringEqualsIgnoreCase`, `StringLike` (case-sensitive, `*` and `?`
 *   wildcards); `StringEquals` reads `*` as a plain character. Policy variables allowed.
 * - Numeric: `NumericEquals`, `NumericLessThan`, `NumericLessThanEquals`, `NumericGreaterThan`,
 *   `NumericGreaterThanEquals`. No variables, no wildcards.
 * - Date: the same comparisons on dates written in ISO 8601 or as epoch (UNIX) seconds. No variables, no wildcards.
 * - Bool: `true` / `false`, case ignored. Policy variables allowed.
 * - Binary: `BinaryEquals` compares base-64 encoded bytes.
 * - IP address: `IpAddress` matches an IPv4 or IPv6 address against a CIDR block (a bare address is one host).
 * - ARN: `ArnEquals` and `ArnLike` behave alike: each of the six colon-separated fields of the ARN is matched on its
 *   own, case-sensitively, with `*` and `?` wildcards that never span a colon between fields. Policy variables
 *   allowed.
 * - Each `...Not...` operator (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`...) is true for a request value that
 *   matches none of the listed values.
 * A policy value or request value that is not of the operator's type (a date that does not parse, an address that
 * is not one) matches nothing.
 */
import ipaddr from 'ipaddr.js';
import { parseArn } from '../arn';
import { patternMatches, patternText, splitPatternAtColons, type PatternPart } from './wildcard';

/** The families of the condition operators page. */
export type ConditionOperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

/** One operator (without `IfExists` and set qualifier), as the evaluators use it. */
export interface ConditionOperator {
  /** The operator's name as IAM spells it (`StringNotLike`). */
  readonly name: string;
  readonly family: ConditionOperatorFamily;
  /** True for the `...Not...` operators: true for a request value that matches none of the listed values. */
  readonly negated: boolean;
  /** True when `${...}` in a listed value is a policy variable (string, Boolean and ARN operators). */
  readonly policyVariables: boolean;
  /** True when `*` and `?` in a listed value are wildcards (`StringLike`, the ARN operators). */
  readonly wildcards: boolean;
  /**
   * Whether one listed value (its variables already replaced) matches one request value, before negation.
   * Not defined for `Null`, which tests presence (see `condition-evaluation.ts`).
   */
  readonly matches: (listed: readonly PatternPart[], requestValue: string) => boolean;
}

/** Parses a number as IAM compares them: a decimal or integer literal; NaN otherwise. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Milliseconds since the epoch of a date written in ISO 8601 or as epoch seconds; NaN when it is neither. */
export function dateOf(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // ISO 8601 only: Date.parse also takes free-form text ("March 7") that IAM rejects.
  return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
}

/** An address against a CIDR block (or a bare address, one host); false when either does not parse. */
function addressInBlock(block: string, address: string): boolean {
  try {
    const text = block.trim();
    const range = text.includes('/') ? ipaddr.parseCIDR(text) : ipaddr.parseCIDR(`${text}/${ipaddr.parse(text).kind() === 'ipv4' ? 32 : 128}`);
    let parsed = ipaddr.parse(address.trim());
    // An IPv4-mapped IPv6 address (::ffff:203.0.113.5) is the IPv4 address for an IPv4 block, and vice versa.
    if (parsed.kind() !== range[0].kind()) {
      if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
      else if (parsed.kind() === 'ipv4') parsed = (parsed as ipaddr.IPv4).toIPv4MappedAddress();
    }
    return parsed.kind() === range[0].kind() && parsed.match(range);
  } catch {
    return false;
  }
}

/** Base-64 text as bytes, or undefined when it is not base 64. */
function bytesOf(text: string): Buffer | undefined {
  const trimmed = text.trim();
  return /^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) && trimmed.length % 4 === 0 ? Buffer.from(trimmed, 'base64') : undefined;
}

/** ARN matching, field by field: the pattern's six fields against the value's, wildcards within a field. */
function arnMatches(parts: readonly PatternPart[], value: string): boolean {
  const arn = parseArn(value);
  if (!arn) return false;
  const fields = splitPatternAtColons(parts, 5);
  if (fields.length !== 6) return false;
  const valueFields = [value.slice(0, 3), arn.partition, arn.service, arn.region, arn.account, arn.resource];
  return fields.every((field, index) => patternMatches(field, valueFields[index] as string, false));
}

type Matcher = ConditionOperator['matches'];
const text = patternText;

const MATCHERS: Readonly<Record<string, { family: ConditionOperatorFamily; matches: Matcher }>> = {
  StringEquals: { family: 'string', matches: (listed, value) => text(listed) === value },
  StringEqualsIgnoreCase: { family: 'string', matches: (listed, value) => text(listed).toLowerCase() === value.toLowerCase() },
  StringLike: { family: 'string', matches: (listed, value) => patternMatches(listed, value, false) },
  NumericEquals: { family: 'numeric', matches: (listed, value) => numberOf(value) === numberOf(text(listed)) },
  NumericLessThan: { family: 'numeric', matches: (listed, value) => numberOf(value) < numberOf(text(listed)) },
  NumericLessThanEquals: { family: 'numeric', matches: (listed, value) => numberOf(value) <= numberOf(text(listed)) },
  NumericGreaterThan: { family: 'numeric', matches: (listed, value) => numberOf(value) > numberOf(text(listed)) },
  NumericGreaterThanEquals: { family: 'numeric', matches: (listed, value) => numberOf(value) >= numberOf(text(listed)) },
  DateEquals: { family: 'date', matches: (listed, value) => dateOf(value) === dateOf(text(listed)) },
  DateLessThan: { family: 'date', matches: (listed, value) => dateOf(value) < dateOf(text(listed)) },
  DateLessThanEquals: { family: 'date', matches: (listed, value) => dateOf(value) <= dateOf(text(listed)) },
  DateGreaterThan: { family: 'date', matches: (listed, value) => dateOf(value) > dateOf(text(listed)) },
  DateGreaterThanEquals: { family: 'date', matches: (listed, value) => dateOf(value) >= dateOf(text(listed)) },
  Bool: { family: 'bool', matches: (listed, value) => ['true', 'false'].includes(value.trim().toLowerCase()) && text(listed).trim().toLowerCase() === value.trim().toLowerCase() },
  BinaryEquals: {
    family: 'binary',
    matches: (listed, value) => {
      const [expected, actual] = [bytesOf(text(listed)), bytesOf(value)];
      return expected !== undefined && actual !== undefined && expected.equals(actual);
    },
  },
  IpAddress: { family: 'ip', matches: (listed, value) => addressInBlock(text(listed), value) },
  ArnEquals: { family: 'arn', matches: (listed, value) => arnMatches(listed, value) },
  ArnLike: { family: 'arn', matches: (listed, value) => arnMatches(listed, value) },
  Null: { family: 'null', matches: () => false },
};

/** The negated operators, by the operator they negate. */
const NEGATIONS: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

function operator(name: string, negated: boolean, base: string): ConditionOperator {
  const { family, matches } = MATCHERS[base] as (typeof MATCHERS)[string];
  return {
    name,
    family,
    negated,
    policyVariables: family === 'string' || family === 'bool' || family === 'arn',
    wildcards: base === 'StringLike' || family === 'arn',
    matches,
  };
}

/** Every operator of the condition operators page, by its name. */
export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  ...Object.keys(MATCHERS).map((name) => operator(name, false, name)),
  ...Object.entries(NEGATIONS).map(([name, base]) => operator(name, true, base)),
];

const BY_LOWER_NAME = new Map(CONDITION_OPERATORS.map((entry) => [entry.name.toLowerCase(), entry]));

/**
 * The operator a condition's base operator names (lower case, without `IfExists` and set qualifier, as
 * `PolicyCondition.baseOperator` holds it); undefined for a name IAM does not define.
 */
export function conditionOperator(baseOperator: string): ConditionOperator | undefined {
  return BY_LOWER_NAME.get(baseOperator.toLowerCase());
}
