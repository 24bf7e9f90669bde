/**
 * The rules of a WAFv2 web ACL, read from every place a program can declare them: inline `rules` (camelCase
 * SDK shape), `ruleJson` (the WAF API's PascalCase JSON), and the separate `aws.wafv2.WebAclRule` and
 * `aws.wafv2.WebAclRuleGroupAssociation` resources pointing at the ACL through `webAclArn`. Each rule becomes
 * one summary that says what it does (rate limit, managed rule group), whether it only counts, and how its
 * visibility is configured, with UNDECIDED wherever a preview cannot tell.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, boolValue, type ComponentTree, dependencyTargets, identifiersOf, isUnknown, listValue, numberValue, rawProps, recordValue, refersTo, stringValue, UNDECIDED, type Undecided } from '@bulwark/policy-kit';

export const WEB_ACL = 'aws:wafv2/webAcl:WebAcl';
export const WEB_ACL_RULE = 'aws:wafv2/webAclRule:WebAclRule';
export const WEB_ACL_RULE_GROUP_ASSOCIATION = 'aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation';

/** The window AWS WAF counts a rate-based rule's `limit` over when `evaluationWindowSec` is not set. */
export const DEFAULT_RATE_WINDOW_SECONDS = 300;

/** The visibility settings of an ACL or a rule: each flag true, false, UNDECIDED or undefined (absent). */
export interface VisibilitySettings {
  readonly cloudwatchMetricsEnabled: boolean | Undecided | undefined;
  readonly sampledRequestsEnabled: boolean | Undecided | undefined;
}

/** One rule of a web ACL, however it was declared. */
export interface WebAclRuleSummary {
  /** How a message names the rule, e.g. `` `rules[2]` ("rate-limit") `` or `WebAclRule rate ("rate-limit")`. */
  readonly label: string;
  /** The separate resource declaring the rule, when it is one. */
  readonly resourceUrn?: string;
  /** What the rule's statement is; UNDECIDED when the statement is not known (preview). */
  readonly kind: 'rate-based' | 'managed-rule-group' | 'other' | Undecided;
  /** For a rate-based rule: its limit scaled to requests per 5 minutes. */
  readonly ratePerFiveMinutes?: number | Undecided;
  /** For a managed rule group: vendor and group name. */
  readonly managedGroup?: { readonly vendorName: string | Undecided | undefined; readonly name: string | Undecided | undefined };
  /** True when the rule only counts matches (action or override action `count`, or `allow` on a rate rule). */
  readonly countOnly: boolean;
  /** The rule's visibility settings; undefined when the rule has none. */
  readonly visibility: VisibilitySettings | Undecided | undefined;
  /**
   * The property path of the rule inside the resource declaring it (`rules[2]`, `ruleJson[0]`), empty for a separate
   * rule resource: undecided findings name `<path>.visibilityConfig...` from it.
   */
  readonly path: string;
  /** Paths of the rule's unknown parts that decide what it does (its statement, a rate limit). */
  readonly unknownParts: readonly string[];
}

/** An unknown value that may hide rules of a web ACL: on the ACL (no `urn`) or on a separate rule resource. */
export interface HiddenRules {
  readonly urn?: string;
  readonly property: string;
}

/** The rules found for one web ACL, and whether the list may be incomplete (an unknown list or link). */
export interface WebAclRuleSet {
  readonly rules: readonly WebAclRuleSummary[];
  /** Why the set may miss rules, if it may (preview unknowns); undefined when it is complete. */
  readonly incompleteBecause?: string;
  /** Where the unknowns that may hide rules sit (the `rules` list or an entry, `ruleJson`, a rule resource's `webAclArn`). */
  readonly hiddenAt: readonly HiddenRules[];
  /** Problems reading the declarations themselves (e.g. `ruleJson` that is not JSON). */
  readonly readErrors: readonly string[];
}

/** A property of a record, matching the key case-insensitively (SDK `cloudwatchMetricsEnabled`, API `CloudWatchMetricsEnabled`). */
function field(record: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(record, name)) return record[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : record[key];
}

/** Reads a visibility block in either shape. */
export function visibilityOf(value: unknown): VisibilitySettings | Undecided | undefined {
  const block = blockValue(value);
  if (block === undefined || block === UNDECIDED) return block;
  return {
    cloudwatchMetricsEnabled: boolValue(field(block, 'cloudwatchMetricsEnabled')),
    sampledRequestsEnabled: boolValue(field(block, 'sampledRequestsEnabled')),
  };
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

/** A rule in the SDK or API shape: the inline `rules` entries, `ruleJson` entries and `WebAclRule` resources. */
function summarizeStatementRule(rule: Record<string, unknown>, label: string, path: string, resourceUrn?: string): WebAclRuleSummary {
  const visibility = visibilityOf(field(rule, 'visibilityConfig'));
  const action = blockValue(field(rule, 'action'));
  const overrideAction = blockValue(field(rule, 'overrideAction'));
  const statement = blockValue(field(rule, 'statement'));
  const base: Pick<WebAclRuleSummary, 'label' | 'resourceUrn' | 'visibility' | 'path' | 'unknownParts'> = { label, resourceUrn, visibility, path, unknownParts: [] };
  if (statement === UNDECIDED) return { ...base, kind: UNDECIDED, countOnly: false, unknownParts: [join(path, 'statement')] };
  if (statement === undefined) return { ...base, kind: 'other', countOnly: false };

  const rateBased = blockValue(field(statement, 'rateBasedStatement'));
  if (rateBased === UNDECIDED) return { ...base, kind: UNDECIDED, countOnly: false, unknownParts: [join(path, 'statement.rateBasedStatement')] };
  if (rateBased !== undefined) {
    const limit = numberValue(field(rateBased, 'limit'));
    const window = numberValue(field(rateBased, 'evaluationWindowSec'));
    const unknownParts = [
      ...(limit === UNDECIDED ? [join(path, 'statement.rateBasedStatement.limit')] : []),
      ...(window === UNDECIDED ? [join(path, 'statement.rateBasedStatement.evaluationWindowSec')] : []),
    ];
    const ratePerFiveMinutes =
      limit === UNDECIDED || window === UNDECIDED
        ? UNDECIDED
        : limit === undefined
          ? undefined
          : (limit * DEFAULT_RATE_WINDOW_SECONDS) / (window && window > 0 ? window : DEFAULT_RATE_WINDOW_SECONDS);
    const countOnly =
      action !== undefined && action !== UNDECIDED && (isPresent(field(action, 'count')) || isPresent(field(action, 'allow')));
    return { ...base, kind: 'rate-based', ratePerFiveMinutes, countOnly, unknownParts };
  }

  const managed = blockValue(field(statement, 'managedRuleGroupStatement'));
  if (managed === UNDECIDED) return { ...base, kind: UNDECIDED, countOnly: false, unknownParts: [join(path, 'statement.managedRuleGroupStatement')] };
  if (managed !== undefined) {
    const countOnly = overrideAction !== undefined && overrideAction !== UNDECIDED && isPresent(field(overrideAction, 'count'));
    return {
      ...base,
      kind: 'managed-rule-group',
      managedGroup: { vendorName: stringValue(field(managed, 'vendorName')), name: stringValue(field(managed, 'name')) },
      countOnly,
    };
  }
  return { ...base, kind: 'other', countOnly: false };
}

function ruleLabel(prefix: string, rule: Record<string, unknown>): string {
  const name = stringValue(field(rule, 'name'));
  return typeof name === 'string' ? `${prefix} ("${name}")` : prefix;
}

function inlineRules(props: Record<string, unknown>, readErrors: string[]): { rules: WebAclRuleSummary[]; unknown?: string; hiddenAt: HiddenRules[] } {
  const rules: WebAclRuleSummary[] = [];
  const inline = listValue(props['rules']);
  if (inline === UNDECIDED) return { rules, unknown: '`rules` is not known until the update', hiddenAt: [{ property: 'rules' }] };
  inline.forEach((entry, index) => {
    const rule = recordValue(entry);
    const path = `rules[${index}]`;
    if (rule === UNDECIDED) rules.push({ label: `\`${path}\``, kind: UNDECIDED, countOnly: false, visibility: UNDECIDED, path, unknownParts: [path] });
    else if (rule !== undefined) rules.push(summarizeStatementRule(rule, ruleLabel(`\`${path}\``, rule), path));
  });

  const json = props['ruleJson'];
  if (isUnknown(json)) return { rules, unknown: '`ruleJson` is not known until the update', hiddenAt: [{ property: 'ruleJson' }] };
  if (typeof json === 'string' && json.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      readErrors.push(`\`ruleJson\` is not valid JSON (${(error as Error).message}), so its rules cannot be checked`);
      return { rules, hiddenAt: [] };
    }
    const entries = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) readErrors.push('`ruleJson` is not a JSON array of rules, so its rules cannot be checked');
    entries.forEach((entry, index) => {
      const rule = recordValue(entry);
      if (rule !== undefined && rule !== UNDECIDED) rules.push(summarizeStatementRule(rule, ruleLabel(`\`ruleJson[${index}]\``, rule), 'ruleJson'));
    });
  }
  return { rules, hiddenAt: [] };
}

/** Summarises a separate `WebAclRule` or `WebAclRuleGroupAssociation` resource. */
export function summarizeRuleResource(resource: PolicyResource): WebAclRuleSummary {
  const props = rawProps(resource.props);
  if (resource.type === WEB_ACL_RULE) {
    return summarizeStatementRule(props, ruleLabel(`WebAclRule ${resource.name}`, props), '', resource.urn);
  }
  const ruleName = stringValue(props['ruleName']);
  const label = `WebAclRuleGroupAssociation ${resource.name}${typeof ruleName === 'string' ? ` ("${ruleName}")` : ''}`;
  const visibility = visibilityOf(props['visibilityConfig']);
  const overrideAction = stringValue(props['overrideAction']);
  const countOnly = typeof overrideAction === 'string' && overrideAction.toLowerCase() === 'count';
  const managed = blockValue(props['managedRuleGroup']);
  const base: Pick<WebAclRuleSummary, 'label' | 'resourceUrn' | 'countOnly' | 'visibility' | 'path'> = { label, resourceUrn: resource.urn, countOnly, visibility, path: '' };
  if (managed === UNDECIDED) return { ...base, kind: UNDECIDED, unknownParts: ['managedRuleGroup'] };
  if (managed === undefined) return { ...base, kind: 'other', unknownParts: [] };
  const vendorName = stringValue(managed['vendorName']);
  const name = stringValue(managed['name']);
  const unknownParts = [...(vendorName === UNDECIDED ? ['managedRuleGroup.vendorName'] : []), ...(name === UNDECIDED ? ['managedRuleGroup.name'] : [])];
  return { ...base, kind: 'managed-rule-group', managedGroup: { vendorName, name }, unknownParts };
}

/** The name segment of a web ACL ARN (`arn:aws:wafv2:<region>:<account>:<scope>/webacl/<name>/<id>`). */
function webAclNameFromArn(arn: string): string | undefined {
  const match = /:(?:global|regional)\/webacl\/([^/]+)\/[^/]+$/i.exec(arn);
  return match?.[1];
}

/**
 * Whether a rule resource belongs to `acl`: `yes` through a recorded dependency (on the ACL, or on a component
 * holding it as its only ACL) or a matching ARN (or name in the ARN), `no` when it depends on or names another ACL,
 * `maybe` when that cannot be told (an unknown ARN with no dependency or only on a component holding several ACLs,
 * or an ARN when the ACL's own name is not known).
 */
function belongsTo(rule: PolicyResource, acl: PolicyResource, components: ComponentTree): 'yes' | 'no' | 'maybe' {
  const aclProps = rawProps(acl.props);
  if (refersTo(rule, 'webAclArn', acl, identifiersOf(acl, ['arn', 'name']), components)) return 'yes';
  const dependencies = rule.propertyDependencies?.['webAclArn'] ?? [];
  if (dependencies.length > 0 && !dependencyTargets(rule, 'webAclArn', [WEB_ACL], components).ambiguous) return 'no';
  const arn = rawProps(rule.props)['webAclArn'];
  if (typeof arn !== 'string' || isUnknown(arn)) return isUnknown(arn) ? 'maybe' : 'no';
  const aclName = aclProps['name'];
  const named = webAclNameFromArn(arn);
  if (typeof aclName === 'string' && aclName !== '' && !isUnknown(aclName)) return named === aclName ? 'yes' : 'no';
  return 'maybe';
}

/**
 * Every rule of `acl`: inline, from `ruleJson`, and the separate rule resources of the stack that belong to it
 * (`components`: the stack's component tree, for rule resources that name the ACL through a component's output).
 */
export function webAclRules(acl: PolicyResource, ruleResources: readonly PolicyResource[], components: ComponentTree): WebAclRuleSet {
  const readErrors: string[] = [];
  const inline = inlineRules(rawProps(acl.props), readErrors);
  const rules = [...inline.rules];
  const hiddenAt = [...inline.hiddenAt];
  let incompleteBecause = inline.unknown;
  for (const resource of ruleResources) {
    const link = belongsTo(resource, acl, components);
    if (link === 'yes') rules.push(summarizeRuleResource(resource));
    else if (link === 'maybe') {
      incompleteBecause ??= `the \`webAclArn\` of ${resource.type.split(':').pop()} ${resource.name} is not known until the update`;
      hiddenAt.push({ urn: resource.urn, property: 'webAclArn' });
    }
  }
  if (incompleteBecause === undefined && rules.some((rule) => rule.kind === UNDECIDED)) {
    incompleteBecause = 'a rule statement is not known until the update';
  }
  return { rules, incompleteBecause, readErrors, hiddenAt };
}
