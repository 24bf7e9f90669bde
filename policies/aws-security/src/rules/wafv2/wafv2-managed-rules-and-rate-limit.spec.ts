import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { wafv2ManagedRulesAndRateLimit } from './wafv2-managed-rules-and-rate-limit';

const WEB_ACL = 'aws:wafv2/webAcl:WebAcl';
const WEB_ACL_RULE = 'aws:wafv2/webAclRule:WebAclRule';
const ASSOCIATION = 'aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation';
const REQUIRED_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'];

const visible = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
const rateRule = (limit: number, extra: Record<string, unknown> = {}) => ({
  name: 'rate-limit',
  priority: 0,
  action: { block: {} },
  statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } },
  visibilityConfig: visible('rate-limit'),
  ...extra,
});
const managedRule = (name: string, priority: number, extra: Record<string, unknown> = {}) => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: visible(name),
  ...extra,
});
const completeRules = () => [rateRule(2000), ...REQUIRED_GROUPS.map((name, index) => managedRule(name, index + 1))];
const webAcl = (inputs: Record<string, unknown>, name?: string) =>
  resource(WEB_ACL, { name: name ?? 'edge', scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig: visible('edge'), ...inputs }, { name: name ?? 'edge' });

const detail = (message: string) => message.split('\n').pop() ?? '';

describe('wafv2-managed-rules-and-rate-limit', () => {
  it('Compliance: inline rules with a rate limit, the three AWS groups and metrics everywhere', async () => {
    expect(await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ rules: completeRules() })])).toEqual([]);
  });

  it('Compliance: the same rules as ruleJson in the WAF API shape', async () => {
    const ruleJson = JSON.stringify([
      {
        Name: 'rate-limit',
        Priority: 0,
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP' } },
        VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: 'rate-limit' },
      },
      ...REQUIRED_GROUPS.map((name, index) => ({
        Name: name,
        Priority: index + 1,
        OverrideAction: { None: {} },
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
        VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: name },
      })),
    ]);
    expect(await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ ruleJson })])).toEqual([]);
  });

  it('Compliance: rules declared as separate WebAclRule and WebAclRuleGroupAssociation resources', async () => {
    const acl = webAcl({});
    const rate = resource(WEB_ACL_RULE, { webAclArn: UNKNOWN_VALUE, ...rateRule(2000) }, { dependsOn: { webAclArn: [acl] } });
    const groups = REQUIRED_GROUPS.map((name, index) =>
      resource(
        ASSOCIATION,
        { webAclArn: UNKNOWN_VALUE, ruleName: name, priority: index + 1, managedRuleGroup: { vendorName: 'AWS', name }, visibilityConfig: visible(name) },
        { dependsOn: { webAclArn: [acl] } },
      ),
    );
    expect(await evaluate(wafv2ManagedRulesAndRateLimit, [acl, rate, ...groups])).toEqual([]);
  });

  it('Noncompliance 1: an ACL with no rules at all', async () => {
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({}, 'bare')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'wafv2-managed-rules-and-rate-limit', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::bare');
    expect(detail(findings[0].message)).toBe(
      'there is no rate-based rule; add one with `statement.rateBasedStatement.limit` of at most 2000 and a block action; ' +
        'the AWS managed rule groups AWSManagedRulesCommonRuleSet, AWSManagedRulesSQLiRuleSet, AWSManagedRulesKnownBadInputsRuleSet ' +
        'are missing; add a rule with `statement.managedRuleGroupStatement` (vendorName "AWS") for each.',
    );
  });

  it('Noncompliance 2: a rate limit above the maximum, also after scaling a 1-minute window to 5 minutes', async () => {
    const oneMinute = rateRule(1000, { statement: { rateBasedStatement: { limit: 1000, evaluationWindowSec: 60, aggregateKeyType: 'IP' } } });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      webAcl({ rules: [rateRule(5000), ...completeRules().slice(1)] }, 'loose'),
      webAcl({ rules: [oneMinute, ...completeRules().slice(1)] }, 'short-window'),
    ]);
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(detail(finding.message)).toBe(
        '`rules[0]` ("rate-limit") allows 5000 requests per 5 minutes, above the maximum of 2000; lower the rate-based rule\'s `limit`.',
      );
    }
  });

  it('Noncompliance 3: a rate-based rule that only counts', async () => {
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      webAcl({ rules: [rateRule(100, { action: { count: {} } }), ...completeRules().slice(1)] }),
    ]);
    expect(detail(findings[0].message)).toBe(
      'the only rate-based rule (`rules[0]` ("rate-limit")) only counts requests; give a rate-based rule `action: { block: {} }`.',
    );
  });

  it('Noncompliance 3b: a rate-based rule without a numeric limit', async () => {
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      webAcl({ rules: [rateRule('lots' as never), ...completeRules().slice(1)] }),
    ]);
    expect(detail(findings[0].message)).toBe(
      '`rules[0]` ("rate-limit") has no numeric `statement.rateBasedStatement.limit`; set one of at most 2000.',
    );
  });

  it('Noncompliance 4: a required group missing, or from another vendor', async () => {
    const rules = completeRules();
    rules[2] = managedRule('AWSManagedRulesSQLiRuleSet', 2, {
      statement: { managedRuleGroupStatement: { vendorName: 'F5', name: 'AWSManagedRulesSQLiRuleSet' } },
    });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ rules: rules.filter((_, index) => index !== 3) })]);
    expect(detail(findings[0].message)).toBe(
      'the AWS managed rule groups AWSManagedRulesSQLiRuleSet, AWSManagedRulesKnownBadInputsRuleSet are missing; ' +
        'add a rule with `statement.managedRuleGroupStatement` (vendorName "AWS") for each.',
    );
  });

  it('Noncompliance 5: a required group overridden to count', async () => {
    const rules = completeRules();
    rules[1] = managedRule('AWSManagedRulesCommonRuleSet', 1, { overrideAction: { count: {} } });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ rules })]);
    expect(detail(findings[0].message)).toBe(
      'the AWS managed rule group AWSManagedRulesCommonRuleSet only counts requests (`overrideAction` count); use `overrideAction: { none: {} }`.',
    );
  });

  it('Noncompliance 6: metrics or sampling off on the ACL or an inline rule', async () => {
    const rules = completeRules();
    rules[0] = rateRule(2000, { visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: false, metricName: 'r' } });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      webAcl({ rules, visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: false, metricName: 'edge' } }),
      webAcl({ rules: completeRules(), visibilityConfig: undefined }, 'no-visibility'),
    ]);
    const messages = Object.fromEntries(findings.map((finding) => [finding.urn?.split('::').pop(), detail(finding.message)]));
    expect(messages).toEqual({
      edge:
        'the web ACL `visibilityConfig` does not enable `cloudwatchMetricsEnabled` and `sampledRequestsEnabled`; set them to true; ' +
        '`rules[0]` ("rate-limit") `visibilityConfig` does not enable `sampledRequestsEnabled`; set it to true.',
      'no-visibility':
        'the web ACL has no `visibilityConfig`; set it with `cloudwatchMetricsEnabled: true` and `sampledRequestsEnabled: true`.',
    });
  });

  it('Noncompliance 7: a separate rule resource without visibility is reported on that resource', async () => {
    const acl = webAcl({ rules: completeRules().slice(1) });
    const rate = resource(WEB_ACL_RULE, { webAclArn: UNKNOWN_VALUE, ...rateRule(2000), visibilityConfig: undefined }, { name: 'rate', dependsOn: { webAclArn: [acl] } });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [acl, rate]);
    expect(findings).toHaveLength(1);
    expect(findings[0].urn).toContain('::rate');
    expect(detail(findings[0].message)).toBe(
      'WebAclRule rate ("rate-limit") has no `visibilityConfig`; set it with `cloudwatchMetricsEnabled: true` and `sampledRequestsEnabled: true`.',
    );
  });

  it('Noncompliance 8: ruleJson that is not JSON', async () => {
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ ruleJson: '[{"Name": ' })]);
    expect(detail(findings[0].message)).toContain('`ruleJson` is not valid JSON');
  });

  it('links separate resources by ARN value when no dependency is recorded, and ignores other ACLs\' rules', async () => {
    const arn = (name: string) => `arn:aws:wafv2:us-east-1:123456789012:global/webacl/${name}/a1b2c3d4`;
    const ours = webAcl({}, 'ours');
    const theirs = webAcl({ rules: completeRules() }, 'theirs');
    const groups = REQUIRED_GROUPS.map((name, index) =>
      resource(ASSOCIATION, { webAclArn: arn('theirs'), ruleName: name, priority: index + 1, managedRuleGroup: { vendorName: 'AWS', name }, visibilityConfig: visible(name) }),
    );
    const rate = resource(WEB_ACL_RULE, { webAclArn: arn('ours'), ...rateRule(2000) });
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [ours, theirs, rate, ...groups]);
    expect(findings).toHaveLength(1);
    expect(findings[0].urn).toContain('::ours');
    expect(detail(findings[0].message)).toMatch(/^the AWS managed rule groups .* are missing/);
  });

  it('honours maximumRateLimit and requiredManagedRuleGroups from pack config', async () => {
    const config = {
      'wafv2-managed-rules-and-rate-limit': { maximumRateLimit: 500, requiredManagedRuleGroups: ['AWSManagedRulesBotControlRuleSet'] },
    };
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [webAcl({ rules: completeRules() })], { config });
    expect(detail(findings[0].message)).toBe(
      '`rules[0]` ("rate-limit") allows 2000 requests per 5 minutes, above the maximum of 500; lower the rate-based rule\'s `limit`; ' +
        'the AWS managed rule group AWSManagedRulesBotControlRuleSet is missing; add a rule with `statement.managedRuleGroupStatement` (vendorName "AWS") for each.',
    );
  });

  it('Preview: unknown rules, statements or links are undecided where they sit; decidable problems are the verdict', async () => {
    const unlinked = resource(WEB_ACL_RULE, { webAclArn: UNKNOWN_VALUE, ...rateRule(2000) });
    const unknownRules = webAcl({ rules: UNKNOWN_VALUE }, 'unknown-rules');
    const unknownStatement = webAcl({ rules: [{ ...rateRule(2000), statement: UNKNOWN_VALUE }, ...completeRules().slice(1)] }, 'unknown-statement');
    const unknownLimit = webAcl({ rules: [rateRule(UNKNOWN_VALUE as never), ...completeRules().slice(1)] }, 'unknown-limit');
    const unknownJson = webAcl({ ruleJson: UNKNOWN_VALUE, visibilityConfig: UNKNOWN_VALUE }, 'unknown-json');
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      unknownRules,
      unknownStatement,
      unknownLimit,
      unknownJson,
      webAcl({ visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: UNKNOWN_VALUE } }, 'known-bad'),
      webAcl({ rules: completeRules() }, 'complete'),
      unlinked,
    ]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0].urn).toContain('::known-bad');
    expect(detail(mandatory(findings)[0].message)).toBe('the web ACL `visibilityConfig` does not enable `cloudwatchMetricsEnabled`; set it to true.');
    // The complete ACL needs nothing the unlinked rule could add: only the ACLs missing something are open.
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownRules.urn, 'rules'],
      [unlinked.urn, 'webAclArn'],
      [unknownStatement.urn, 'rules[0].statement'],
      [unknownLimit.urn, 'rules[0].statement.rateBasedStatement.limit'],
      [unknownJson.urn, 'visibilityConfig'],
      [unknownJson.urn, 'ruleJson'],
    ]);
  });

  it('never throws on wrong-typed properties', async () => {
    const findings = await evaluate(wafv2ManagedRulesAndRateLimit, [
      webAcl({ rules: 'all', ruleJson: 42, visibilityConfig: [] }, 'odd'),
      resource(WEB_ACL_RULE, { webAclArn: 7, statement: [1, 2], visibilityConfig: 'on' }),
      resource(ASSOCIATION, { managedRuleGroup: 'AWS', overrideAction: { count: true } }),
      webAcl({ ruleJson: '{"not": "a list"}' }, 'object-json'),
    ]);
    expect(findings.length).toBeGreaterThan(0);
  });

  describe.each(['preview', 'update'] as const)('Program (%s)', (mode) => {
    it('gives the same verdict for inline rules, separate rule resources and an incomplete ACL', async () => {
      const findings = await evaluateProgram(
        wafv2ManagedRulesAndRateLimit,
        () => {
          new aws.wafv2.WebAcl('inline', {
            scope: 'CLOUDFRONT',
            defaultAction: { allow: {} },
            visibilityConfig: visible('inline'),
            rules: completeRules() as aws.types.input.wafv2.WebAclRule[],
          });
          const separate = new aws.wafv2.WebAcl('separate', { scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig: visible('separate') });
          new aws.wafv2.WebAclRule('separate-rate', { webAclArn: separate.arn, ...rateRule(2000) });
          REQUIRED_GROUPS.forEach((name, index) => {
            new aws.wafv2.WebAclRuleGroupAssociation(`separate-${index}`, {
              webAclArn: separate.arn,
              ruleName: name,
              priority: index + 1,
              managedRuleGroup: { vendorName: 'AWS', name },
              visibilityConfig: visible(name),
            });
          });
          const partial = new aws.wafv2.WebAcl('partial', { scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig: visible('partial') });
          new aws.wafv2.WebAclRule('partial-rate', { webAclArn: partial.arn, ...rateRule(2000) });
        },
        { mode, stackConfig: { 'aws:region': 'us-east-1' } },
      );
      expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
        ['partial', 'wafv2-managed-rules-and-rate-limit', 'mandatory'],
      ]);
      expect(detail(findings[0].message)).toMatch(/^the AWS managed rule groups AWSManagedRulesCommonRuleSet, .* are missing/);
    });
  });
});
