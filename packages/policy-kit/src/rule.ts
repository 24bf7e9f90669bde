import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';

/** Where the generated rule reference lives; each rule's `url` is this plus `#<rule-id>`. */
export const RULES_DOCS_URL = 'https://github.com/bulwark-iac/bulwark/blob/main/docs/rules.md';

/** The compliance frameworks a rule can map to. */
export type Framework = 'fsbp' | 'cis';

export const FRAMEWORKS: Record<Framework, { name: string; version: string; reference: string }> = {
  fsbp: {
    name: 'AWS Foundational Security Best Practices',
    version: '1.0.0',
    reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html',
  },
  cis: {
    name: 'CIS AWS Foundations Benchmark',
    version: '3.0.0',
    reference: 'https://www.cisecurity.org/benchmark/amazon_web_services',
  },
};

/** Everything about a rule except its check: the single source for docs, SARIF descriptors and `bulwark rules`. */
export interface RuleMetadata {
  /** The rule id from RULES.md: the CrossGuard policy name, SARIF ruleId, waiver key and docs anchor. */
  readonly id: string;
  /** A one-line title, e.g. "S3 buckets block public access". */
  readonly title: string;
  /** What the rule checks and why it matters (a few sentences). */
  readonly description: string;
  readonly severity: Severity;
  /** The default enforcement level (RULES.md's "lvl" column). */
  readonly enforcementLevel: EnforcementLevel;
  /** The AWS service folder the rule lives in (`s3`, `iam`...), or `stack` for whole-stack rules. */
  readonly service: string;
  /** Security Hub FSBP control ids and CIS v3.0 recommendation ids. */
  readonly controls: { readonly fsbp?: readonly string[]; readonly cis?: readonly string[] };
  /** The resource type tokens the rule reads. */
  readonly resourceTypes: readonly string[];
  /** How to fix a violation, as steps a developer can follow. */
  readonly remediation: string;
  /** The AWS documentation pages the rule encodes (service limits, required settings), cited in the docs. */
  readonly references?: readonly string[];
}

/**
 * Reports one finding. `urn` defaults to the resource being validated (resource rules); stack rules pass the
 * URN of the offending resource, or nothing for a finding about the stack as a whole.
 */
export type Report = (message: string, urn?: string) => void;

/** The arguments a resource rule's check receives: the policy SDK's own, plus the rule's config with defaults. */
export interface ResourceCheckArgs<C> {
  readonly args: ResourceValidationArgs;
  readonly config: C;
  readonly report: Report;
}

export interface StackCheckArgs<C> {
  readonly args: StackValidationArgs;
  readonly config: C;
  readonly report: Report;
}

interface RuleDefinitionBase<C> {
  readonly metadata: RuleMetadata;
  /** JSON schema of the rule's config; every property should carry a `default`. */
  readonly configSchema?: PolicyConfigSchema;
  /** Marker for the config type; never read. */
  readonly _config?: C;
}

export interface ResourceRuleDefinition<C = Record<string, never>> extends RuleDefinitionBase<C> {
  readonly kind: 'resource';
  /** Checks one resource. Must never throw, whatever the props hold (unknowns, wrong types, missing). */
  readonly check: (input: ResourceCheckArgs<C>) => void;
}

export interface StackRuleDefinition<C = Record<string, never>> extends RuleDefinitionBase<C> {
  readonly kind: 'stack';
  /** Checks the whole stack. Must never throw, whatever the props hold. */
  readonly check: (input: StackCheckArgs<C>) => void;
}

/** A rule as a rule module exports it: metadata, config schema and a check function. */
export type RuleDefinition<C = any> = ResourceRuleDefinition<C> | StackRuleDefinition<C>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declares a rule that validates resources one at a time. */
export function resourceRule<C = Record<string, never>>(
  definition: Omit<ResourceRuleDefinition<C>, 'kind'>,
): ResourceRuleDefinition<C> {
  return { kind: 'resource', ...definition };
}

/** Declares a rule that validates the whole stack (rules that relate resources to each other). */
export function stackRule<C = Record<string, never>>(
  definition: Omit<StackRuleDefinition<C>, 'kind'>,
): StackRuleDefinition<C> {
  return { kind: 'stack', ...definition };
}

/** The config defaults a rule declares in its schema. */
export function configDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema?.properties ?? {})) {
    if (property && typeof property === 'object' && 'default' in property) {
      defaults[key] = structuredClone((property as { default: unknown }).default);
    }
  }
  return defaults;
}

/** A waiver lookup: returns the waiver text to append when a finding of `ruleId` on this resource is waived. */
export type WaiverLookup = (ruleId: string, urn: string | undefined, name: string | undefined) => string | undefined;

const noWaivers: WaiverLookup = () => undefined;

function framework(metadata: RuleMetadata) {
  const [kind, ids] = metadata.controls.fsbp?.length
    ? (['fsbp', metadata.controls.fsbp] as const)
    : metadata.controls.cis?.length
      ? (['cis', metadata.controls.cis] as const)
      : [undefined, undefined];
  if (!kind || !ids) return undefined;
  return { ...FRAMEWORKS[kind], specification: ids.join(', ') };
}

/** Tags carried by the policy (visible to `GetAnalyzerInfo`): service, frameworks and control ids. */
export function ruleTags(metadata: RuleMetadata): string[] {
  return [
    `service:${metadata.service}`,
    ...(metadata.controls.fsbp ?? []).map((id) => `fsbp:${id}`),
    ...(metadata.controls.cis ?? []).map((id) => `cis:${id}`),
  ];
}

/** The object form of a violation report: the SDK accepts it (per-finding level) though its type does not say so. */
type ReportViolationWithInfo = (info: { message: string; urn?: string; enforcementLevel: EnforcementLevel }) => void;

function makeReport(
  id: string,
  reportViolation: ReportViolation,
  waiverFor: WaiverLookup,
  defaultUrn: string | undefined,
  nameOf: (urn: string | undefined) => string | undefined,
): Report {
  return (message, urn = defaultUrn) => {
    const waiver = waiverFor(id, urn, nameOf(urn));
    if (waiver) {
      (reportViolation as unknown as ReportViolationWithInfo)({ message: `${message}\nwaived: ${waiver}`, urn, enforcementLevel: 'advisory' });
    } else {
      reportViolation(message, urn);
    }
  };
}

/** The resource name part of a URN (`...::name`). */
export function urnName(urn: string | undefined): string | undefined {
  if (!urn) return undefined;
  const index = urn.lastIndexOf('::');
  return index < 0 ? undefined : urn.slice(index + 2);
}

/** Turns a rule definition into the CrossGuard policy object that a PolicyPack serves. */
export function toPolicy(rule: RuleDefinition, waiverFor: WaiverLookup = noWaivers): ResourceValidationPolicy | StackValidationPolicy {
  const { metadata } = rule;
  const common = {
    name: metadata.id,
    description: metadata.description,
    enforcementLevel: metadata.enforcementLevel,
    configSchema: rule.configSchema,
    displayName: metadata.title,
    severity: metadata.severity,
    framework: framework(metadata),
    tags: ruleTags(metadata),
    remediationSteps: metadata.remediation,
    url: `${RULES_DOCS_URL}#${metadata.id}`,
  };
  const defaults = configDefaults(rule.configSchema);
  if (rule.kind === 'resource') {
    return {
      ...common,
      validateResource: (args, reportViolation) => {
        const config = { ...defaults, ...args.getConfig<Record<string, unknown>>() };
        const report = makeReport(metadata.id, reportViolation, waiverFor, args.urn, (urn) =>
          urn === args.urn ? args.name : urnName(urn),
        );
        rule.check({ args, config, report });
      },
    };
  }
  return {
    ...common,
    validateStack: (args, reportViolation) => {
      const config = { ...defaults, ...args.getConfig<Record<string, unknown>>() };
      const names = new Map(args.resources.map((resource) => [resource.urn, resource.name]));
      const report = makeReport(metadata.id, reportViolation, waiverFor, undefined, (urn) =>
        urn ? (names.get(urn) ?? urnName(urn)) : undefined,
      );
      rule.check({ args, config, report });
    },
  };
}
