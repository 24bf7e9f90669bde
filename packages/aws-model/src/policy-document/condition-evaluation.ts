/**
 * Whether a statement's `Condition` block holds for a request context, as IAM decides it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html):
 * - operators in a block, and keys under one operator, are ANDed; the values listed for one key are ORed;
 * - a key the request does not carry fails the condition, except that a negated operator (`StringNotEquals`,
 *   `ArnNotLike`...) then holds, `...IfExists` then holds, and `ForAllValues:` then holds (`ForAnyValue:` fails);
 * - `Null` tests presence alone: `true` holds when the key is absent, `false` when it is present;
 * - `ForAllValues:` holds when every request value satisfies the operator, `ForAnyValue:` when one does; a negated
 *   operator is satisfied by a request value that matches none of the listed values. Without a set qualifier a
 *   key with several request values is read as `ForAnyValue:` (IAM asks for a qualifier on such keys);
 * - policy variables in listed values are replaced (documents of version 2012-10-17 only), see `policy-variables.ts`.
 * How one listed value matches one request value is the operator's (`condition-operators.ts`).
 *
 * Three-valued: a listed value or a request value that is an engine unknown, an unknown `Condition` block, and an
 * operator IAM does not define leave the answer UNDECIDED unless what is known decides it.
 */
import { isUnknown, UNDECIDED } from '../unknown';
import { conditionOperator } from './condition-operators';
import { type PolicyCondition, type PolicyStatement } from './parse';
import { resolvePolicyVariables, unresolvedPattern, type ContextValues } from './policy-variables';
import { allOf, anyOf, not, type Tri } from './three-valued';

export type { ContextValues } from './policy-variables';

/** A request context as callers write it: condition key (any case) to its value or values. */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

/** How conditions are read. */
export interface ConditionReading {
  /** True when `${...}` in listed values are policy variables: documents of version `2012-10-17`. Default true. */
  readonly policyVariables?: boolean;
}

const NO_CONTEXT: ContextValues = new Map();

/** The context keyed by lower-case key (condition keys are case-insensitive), every entry a list of values. */
export function contextValues(context: RequestContext): ContextValues {
  const map = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(context)) map.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  return map;
}

/** Whether one request value satisfies the condition's operator against its listed values. */
function satisfies(condition: PolicyCondition, requestValue: string, context: ContextValues, reading: ConditionReading): Tri {
  const operator = conditionOperator(condition.baseOperator);
  if (!operator) return UNDECIDED;
  if (isUnknown(requestValue)) return UNDECIDED;
  const replaceVariables = operator.policyVariables && reading.policyVariables !== false;
  const results: Tri[] = condition.values.known.map((listed) => {
    const pattern = replaceVariables ? resolvePolicyVariables(listed, context) : unresolvedPattern(listed);
    if (pattern === UNDECIDED) return UNDECIDED;
    return pattern.kind === 'pattern' && operator.matches(pattern.parts, requestValue);
  });
  if (condition.values.hasUnknown) results.push(UNDECIDED);
  const matched = anyOf(results);
  return operator.negated ? not(matched) : matched;
}

/** Whether a `Null` condition holds: each listed `true` asks for an absent key, `false` for a present one. */
function nullCheckHolds(condition: PolicyCondition, present: boolean): Tri {
  const results: Tri[] = condition.values.known.map((listed) => {
    const wanted = listed.trim().toLowerCase();
    return wanted === 'true' ? !present : wanted === 'false' ? present : false;
  });
  if (condition.values.hasUnknown) results.push(UNDECIDED);
  return anyOf(results);
}

/** Whether one condition (one operator, one key) holds for the request context. */
export function evaluateCondition(condition: PolicyCondition, context: ContextValues, reading: ConditionReading = {}): Tri {
  const operator = conditionOperator(condition.baseOperator);
  if (!operator) return UNDECIDED;
  const requestValues = context.get(condition.key) ?? [];
  if (operator.family === 'null') return nullCheckHolds(condition, requestValues.length > 0);
  if (requestValues.length === 0) {
    if (condition.ifExists || condition.setQualifier === 'ForAllValues') return true;
    if (condition.setQualifier === 'ForAnyValue') return false;
    return operator.negated;
  }
  const perValue = requestValues.map((value) => satisfies(condition, value, context, reading));
  return condition.setQualifier === 'ForAllValues' ? allOf(perValue) : anyOf(perValue);
}

/** Whether every condition of the statement holds (true for none); UNDECIDED for an unknown block unless one fails. */
export function evaluateConditions(statement: PolicyStatement, context: ContextValues, reading: ConditionReading = {}): Tri {
  const results = statement.conditions.map((condition) => evaluateCondition(condition, context, reading));
  if (statement.conditionUnknown) results.push(UNDECIDED);
  return allOf(results);
}

/**
 * Whether the condition holds for a request that does not carry its key at all: true for `...IfExists`,
 * `ForAllValues:`, negated operators and `Null: true`. A condition that holds then admits every caller who can
 * leave the key out.
 */
export function holdsWithoutKey(condition: PolicyCondition): Tri {
  return evaluateCondition(condition, NO_CONTEXT);
}
