/**
 * wafv2-managed-rules-and-rate-limit: every WAFv2 web ACL carries the baseline protections: a rate-based rule
 * that throttles floods from a single client, the AWS managed rule groups for common exploits, SQL injection
 * and known bad inputs, and CloudWatch metrics plus sampled requests on the ACL and on each rule so attacks
 * and false positives can be seen.
 *
 * A stack rule, because rules can be declared inline (`rules`), as JSON (`ruleJson`) or as separate
 * `WebAclRule` / `WebAclRuleGroupAssociation` resources linked through `webAclArn` (see
 * `lib/wafv2-web-acl-rules`). `maximumRateLimit` is requests per 5 minutes per client (AWS WAF's default
 * window); a rule with another `evaluationWindowSec` is scaled to 5 minutes before comparing. Default 2000, about
 * 7 requests a second sustained: generous for a person, low enough to blunt scraping and credential stuffing.
 * A rule that only counts (rate rule with `count`/`allow`, rule group overridden to `count`) does not satisfy
 * the requirement. When a preview cannot see every rule (unknown list, statement or link), missing-rule findings
 * give way to undecided findings naming what hides the rules; everything decidable from known values is still
 * reported, and is the ACL's verdict.
 */
import { componentTree, rawProps, resourcesOfType, stackRule, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import {
  summarizeRuleResource,
  visibilityOf,
  webAclRules,
  WEB_ACL,
  WEB_ACL_RULE,
  WEB_ACL_RULE_GROUP_ASSOCIATION,
  type VisibilitySettings,
  type WebAclRuleSummary,
} from '../../lib/wafv2-web-acl-rules';

const AWS_VENDOR = 'AWS';

export interface Wafv2ManagedRulesConfig {
  readonly maximumRateLimit: number;
  readonly requiredManagedRuleGroups: readonly string[];
}

/** What is wrong with a visibility setting, or undefined when both flags are on (or not known yet). */
function visibilityProblem(where: string, visibility: VisibilitySettings | Undecided | undefined): string | undefined {
  if (visibility === UNDECIDED) return undefined;
  if (visibility === undefined) {
    return `${where} has no \`visibilityConfig\`; set it with \`cloudwatchMetricsEnabled: true\` and \`sampledRequestsEnabled: true\``;
  }
  const off = (['cloudwatchMetricsEnabled', 'sampledRequestsEnabled'] as const).filter((flag) => {
    const value = visibility[flag];
    return value !== true && value !== UNDECIDED;
  });
  if (off.length === 0) return undefined;
  return `${where} \`visibilityConfig\` does not enable ${off.map((flag) => `\`${flag}\``).join(' and ')}; set ${off.length === 1 ? 'it' : 'them'} to true`;
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

/** The unknown parts of a visibility setting (`visibilityConfig`, or one of its flags) under `path`. */
function visibilityUnknowns(path: string, visibility: VisibilitySettings | Undecided | undefined): string[] {
  if (visibility === UNDECIDED) return [join(path, 'visibilityConfig')];
  if (visibility === undefined) return [];
  return (['cloudwatchMetricsEnabled', 'sampledRequestsEnabled'] as const)
    .filter((flag) => visibility[flag] === UNDECIDED)
    .map((flag) => join(path, `visibilityConfig.${flag}`));
}

function isRequiredGroup(rule: WebAclRuleSummary, groupName: string): boolean {
  const group = rule.managedGroup;
  return (
    rule.kind === 'managed-rule-group' &&
    group !== undefined &&
    group.vendorName === AWS_VENDOR &&
    typeof group.name === 'string' &&
    group.name === groupName
  );
}

export const wafv2ManagedRulesAndRateLimit = stackRule<Wafv2ManagedRulesConfig>({
  metadata: {
    id: 'wafv2-managed-rules-and-rate-limit',
    title: 'WAFv2 web ACLs use AWS managed rules and a rate limit, with metrics on',
    description:
      'Every WAFv2 web ACL must have a rate-based rule with a limit no higher than the configured maximum (2000 ' +
      'requests per 5 minutes by default), the AWS managed rule groups AWSManagedRulesCommonRuleSet, ' +
      'AWSManagedRulesSQLiRuleSet and AWSManagedRulesKnownBadInputsRuleSet (configurable) in blocking mode, and ' +
      'CloudWatch metrics and sampled requests enabled on the ACL and on every rule. An ACL without rules only ' +
      'applies its default action, and one without metrics hides both attacks and false positives.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'wafv2',
    controls: { fsbp: ['WAF.10', 'WAF.12'] },
    resourceTypes: [WEB_ACL, WEB_ACL_RULE, WEB_ACL_RULE_GROUP_ASSOCIATION],
    remediation:
      'In the `aws.wafv2.WebAcl` `rules` (or separate `aws.wafv2.WebAclRule` / `WebAclRuleGroupAssociation` ' +
      'resources), add a rule with `statement.rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" }` and ' +
      '`action: { block: {} }`, and one rule per required group with `statement.managedRuleGroupStatement: ' +
      '{ vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" }` (likewise SQLi and KnownBadInputs) and ' +
      '`overrideAction: { none: {} }`. Give the ACL and every rule `visibilityConfig: { cloudwatchMetricsEnabled: ' +
      'true, sampledRequestsEnabled: true, metricName }`.',
    decisions: [
      'Rules count from every place a program declares them: inline `rules`, `ruleJson` (the API\'s JSON), and separate ' +
        '`WebAclRule` / `WebAclRuleGroupAssociation` resources whose `webAclArn` refers to the ACL (property dependency, ' +
        'known ARN, or the ACL name in the ARN).',
      'A rate-based limit is compared per 5 minutes (a rule with another `evaluationWindowSec` is scaled); a rule that ' +
        'only counts (rate rule with count/allow, group overridden to count) does not satisfy the requirement.',
      'Unknown values (first preview): when the known rules decide nothing is missing, nothing is open; otherwise what ' +
        'may hide the missing rule (an unknown `rules` list or entry, `ruleJson`, statement, rate limit, group name, or the ' +
        '`webAclArn` of a rule resource tied to no ACL) is reported undecided where it sits, and so is an unknown ' +
        'visibility setting. Decided problems are the ACL\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html'],
  },
  configSchema: {
    properties: {
      maximumRateLimit: {
        type: 'integer',
        minimum: 10,
        description: 'The highest acceptable rate-based rule limit, in requests per 5 minutes from one client.',
        default: 2000,
      },
      requiredManagedRuleGroups: {
        type: 'array',
        items: { type: 'string' },
        description: 'AWS managed rule groups (vendor AWS) every web ACL must use, by name.',
        default: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    const detail = 'its value decides whether the web ACL has the rate limit, managed rule groups and metrics it needs';
    // A rule resource tied to no ACL may hide a rule of several: it is named once.
    const named = new Set<string>();
    const open = (urn: string, property: string) => {
      const key = `${urn} ${property}`;
      if (named.has(key)) return;
      named.add(key);
      undecided(property, detail, urn);
    };
    const ruleResources = resourcesOfType(args.resources, [WEB_ACL_RULE, WEB_ACL_RULE_GROUP_ASSOCIATION]);
    const components = componentTree(args.resources);
    const maximum = config.maximumRateLimit;
    const requiredGroups = Array.isArray(config.requiredManagedRuleGroups)
      ? config.requiredManagedRuleGroups.filter((name): name is string => typeof name === 'string')
      : [];

    // Separate rule resources are judged once each, whichever ACL they belong to.
    for (const resource of ruleResources) {
      const rule = summarizeRuleResource(resource);
      const problem = visibilityProblem(rule.label, rule.visibility);
      if (problem) report(`${problem}.`, resource.urn);
      else for (const part of visibilityUnknowns('', rule.visibility)) open(resource.urn, part);
    }

    for (const acl of resourcesOfType(args.resources, [WEB_ACL])) {
      const problems: string[] = [];
      const aclVisibility = visibilityProblem('the web ACL', visibilityOf(rawProps(acl.props)['visibilityConfig']));
      if (aclVisibility) problems.push(aclVisibility);

      const ruleSet = webAclRules(acl, ruleResources, components);
      problems.push(...ruleSet.readErrors);
      for (const rule of ruleSet.rules) {
        if (rule.resourceUrn) continue;
        const problem = visibilityProblem(rule.label, rule.visibility);
        if (problem) problems.push(problem);
      }

      const complete = ruleSet.incompleteBecause === undefined;
      const rateRules = ruleSet.rules.filter((rule) => rule.kind === 'rate-based' && !rule.countOnly);
      const rateSatisfied = rateRules.some(
        (rule) => typeof rule.ratePerFiveMinutes === 'number' && rule.ratePerFiveMinutes <= maximum,
      );
      const rateUndecided = !complete || rateRules.some((rule) => rule.ratePerFiveMinutes === UNDECIDED);
      if (!rateSatisfied && !rateUndecided) {
        const tooHigh = rateRules.flatMap((rule) =>
          typeof rule.ratePerFiveMinutes === 'number' ? [{ label: rule.label, rate: rule.ratePerFiveMinutes }] : [],
        );
        const countOnly = ruleSet.rules.filter((rule) => rule.kind === 'rate-based' && rule.countOnly);
        const withoutLimit = rateRules.filter((rule) => rule.ratePerFiveMinutes === undefined);
        if (withoutLimit.length > 0) {
          problems.push(
            `${withoutLimit.map((rule) => rule.label).join(', ')} ${withoutLimit.length === 1 ? 'has' : 'have'} no numeric ` +
              `\`statement.rateBasedStatement.limit\`; set one of at most ${maximum}`,
          );
        }
        if (tooHigh.length > 0) {
          const shown = tooHigh.map((rule) => `${rule.label} allows ${rule.rate} requests per 5 minutes`);
          problems.push(`${shown.join(', ')}, above the maximum of ${maximum}; lower the rate-based rule's \`limit\``);
        }
        if (tooHigh.length === 0 && withoutLimit.length === 0) {
          problems.push(
            countOnly.length > 0
              ? `the only rate-based rule${countOnly.length === 1 ? '' : 's'} (${countOnly.map((rule) => rule.label).join(', ')}) ` +
                  `only count${countOnly.length === 1 ? 's' : ''} requests; give a rate-based rule \`action: { block: {} }\``
              : `there is no rate-based rule; add one with \`statement.rateBasedStatement.limit\` of at most ${maximum} and a block action`,
          );
        }
      }

      if (complete) {
        const missing: string[] = [];
        const counting: string[] = [];
        for (const groupName of requiredGroups) {
          const matches = ruleSet.rules.filter((rule) => isRequiredGroup(rule, groupName));
          if (matches.length === 0) missing.push(groupName);
          else if (matches.every((rule) => rule.countOnly)) counting.push(groupName);
        }
        if (missing.length > 0) {
          problems.push(
            `the AWS managed rule group${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} ` +
              'missing; add a rule with `statement.managedRuleGroupStatement` (vendorName "AWS") for each',
          );
        }
        if (counting.length > 0) {
          problems.push(
            `the AWS managed rule group${counting.length === 1 ? '' : 's'} ${counting.join(', ')} only count${counting.length === 1 ? 's' : ''} ` +
              'requests (`overrideAction` count); use `overrideAction: { none: {} }`',
          );
        }
      }

      if (problems.length > 0) {
        report(`${problems.join('; ')}.`, acl.urn);
        continue;
      }
      // Nothing decidedly wrong: name every unknown that may hide a problem, where it sits.
      visibilityUnknowns('', visibilityOf(rawProps(acl.props)['visibilityConfig'])).forEach((property) => open(acl.urn, property));
      for (const rule of ruleSet.rules) {
        if (!rule.resourceUrn) visibilityUnknowns(rule.path, rule.visibility).forEach((property) => open(acl.urn, property));
      }
      const missingGroups = requiredGroups.filter((groupName) => !ruleSet.rules.some((rule) => isRequiredGroup(rule, groupName) && !rule.countOnly));
      if (!rateSatisfied || missingGroups.length > 0) {
        ruleSet.hiddenAt.forEach(({ urn, property }) => open(urn ?? acl.urn, property));
        for (const rule of ruleSet.rules) rule.unknownParts.forEach((property) => open(rule.resourceUrn ?? acl.urn, property));
      }
    }
  },
});
