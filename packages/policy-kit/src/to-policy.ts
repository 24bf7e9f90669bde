/**
 * Turns a rule definition into the CrossGuard policy a `PolicyPack` serves: config defaults merged under the
 * pack config, findings reported through the SDK, waived and undecided findings written as advisory with their
 * annotations (see `finding-message.ts`).
 */
import type { EnforcementLevel, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { urnName } from '@bulwark/aws-model';
import { configDefaults } from './config-defaults';
import { formatFindingMessage, undecidedFindingText } from './finding-message';
import { type Report, type ReportUndecided, type RuleDefinition } from './rule';
import { policyFramework, ruleTags } from './rule-metadata';
import { type WaiverLookup } from './waivers/waiver-lookup';

/** How a pack turns its rules into policies. */
export interface ToPolicyOptions {
  /** The pack's generated rule reference; each policy's `url` is this plus `#<rule-id>`. */
  readonly docsUrl?: string;
  /** Decides which findings are waived; none by default. */
  readonly waiverFor?: WaiverLookup;
}

const noWaivers: WaiverLookup = () => undefined;

/** The object form of a violation report: the SDK accepts it (per-finding level) though its type does not say so. */
type ReportViolationWithInfo = (info: { message: string; urn?: string; enforcementLevel: EnforcementLevel }) => void;

/** The `report` and `undecided` functions a check receives, for one rule and one validation call. */
function findingReporters(
  ruleId: string,
  reportViolation: ReportViolation,
  waiverFor: WaiverLookup,
  defaultUrn: string | undefined,
  nameOf: (urn: string | undefined) => string | undefined,
): { report: Report; undecided: ReportUndecided } {
  const emit = (text: string, urn: string | undefined, undecidedProperty?: string) => {
    const waiver = waiverFor(ruleId, urn, nameOf(urn));
    if (waiver === undefined && undecidedProperty === undefined) {
      reportViolation(text, urn);
      return;
    }
    // Waived and undecided findings are advisory whatever the rule's level: neither may block a deployment.
    (reportViolation as unknown as ReportViolationWithInfo)({
      message: formatFindingMessage(text, { undecidedProperty, waiver }),
      urn,
      enforcementLevel: 'advisory',
    });
  };
  return {
    report: (message, urn = defaultUrn) => emit(message, urn),
    undecided: (propertyPath, detail, urn = defaultUrn) => emit(undecidedFindingText(ruleId, propertyPath, detail), urn, propertyPath),
  };
}

/** Turns a rule definition into the CrossGuard policy that a PolicyPack serves. */
export function toPolicy(rule: RuleDefinition, options: ToPolicyOptions = {}): ResourceValidationPolicy | StackValidationPolicy {
  const { metadata } = rule;
  const waiverFor = options.waiverFor ?? noWaivers;
  const common = {
    name: metadata.id,
    description: metadata.description,
    enforcementLevel: metadata.enforcementLevel,
    configSchema: rule.configSchema,
    displayName: metadata.title,
    severity: metadata.severity,
    framework: policyFramework(metadata),
    tags: ruleTags(metadata),
    remediationSteps: metadata.remediation,
    ...(options.docsUrl !== undefined ? { url: `${options.docsUrl}#${metadata.id}` } : {}),
  };
  const defaults = configDefaults(rule.configSchema);
  if (rule.kind === 'resource') {
    return {
      ...common,
      validateResource: (args, reportViolation) => {
        const config = { ...defaults, ...args.getConfig<Record<string, unknown>>() };
        const reporters = findingReporters(metadata.id, reportViolation, waiverFor, args.urn, (urn) =>
          urn === args.urn ? args.name : urn === undefined ? undefined : urnName(urn),
        );
        rule.check({ args, config, ...reporters });
      },
    };
  }
  return {
    ...common,
    validateStack: (args, reportViolation) => {
      const config = { ...defaults, ...args.getConfig<Record<string, unknown>>() };
      const names = new Map(args.resources.map((resource) => [resource.urn, resource.name]));
      const reporters = findingReporters(metadata.id, reportViolation, waiverFor, undefined, (urn) =>
        urn === undefined ? undefined : (names.get(urn) ?? urnName(urn)),
      );
      rule.check({ args, config, ...reporters });
    },
  };
}
