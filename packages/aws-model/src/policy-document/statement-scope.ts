/**
 * Whether a statement's `Action` / `NotAction` and `Resource` / `NotResource` elements cover an action or a
 * resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html): wildcards
 * honoured, actions case-insensitive, resources case-sensitive; with `Not...`, everything the list does not
 * match is covered. A statement with neither element of a pair covers nothing.
 */
import { UNDECIDED } from '../unknown';
import { type PolicyStatement, type PolicyValues } from './parse';
import { resolvePolicyVariables, type ContextValues } from './policy-variables';
import { anyOf, not, type Tri } from './three-valued';
import { patternMatches, wildcardMatches } from './wildcard';

/** Whether one entry of a list matches; UNDECIDED when an unknown entry could. */
function anyEntryMatches(entries: PolicyValues, matches: (entry: string) => Tri): Tri {
  const results = entries.known.map((entry) => matches(entry.trim()));
  if (entries.hasUnknown) results.push(UNDECIDED);
  return anyOf(results);
}

/** An element and its `Not...` form: the one present decides. */
function coversElement(include: PolicyValues | undefined, exclude: PolicyValues | undefined, matches: (entry: string) => Tri): Tri {
  if (include) return anyEntryMatches(include, matches);
  if (exclude) return not(anyEntryMatches(exclude, matches));
  return false;
}

/**
 * Whether the statement's action element covers `action` (`s3:GetObject`), wildcards honoured and case ignored.
 * With `NotAction`, every action not matched by it is covered. UNDECIDED when an unknown entry leaves it open.
 */
export function coversAction(statement: PolicyStatement, action: string): Tri {
  return coversElement(statement.action, statement.notAction, (pattern) => wildcardMatches(pattern, action, true));
}

/**
 * Whether the statement's resource element covers `arn`, wildcards honoured (case-sensitive, as IAM compares
 * ARNs). With `NotResource`, every resource not matched by it is covered. UNDECIDED when an unknown entry leaves it
 * open. Given the request `context`, policy variables in the entries are replaced from it (an entry whose variable
 * has no value matches nothing); without it they are plain text.
 */
export function coversResource(statement: PolicyStatement, arn: string, context?: ContextValues): Tri {
  return coversElement(statement.resource, statement.notResource, (pattern) => {
    if (!context) return wildcardMatches(pattern, arn, false);
    const resolved = resolvePolicyVariables(pattern, context);
    if (resolved === UNDECIDED) return UNDECIDED;
    return resolved.kind === 'pattern' && patternMatches(resolved.parts, arn, false);
  });
}
