/**
 * Rule definitions: one module per rule exports what `resourceRule` or `stackRule` returns, and `toPolicy`
 * turns it into the CrossGuard policy a pack serves.
 */
import type { PolicyConfigSchema, ResourceValidationArgs, StackValidationArgs } from '@pulumi/policy';
import { type RuleMetadata } from './rule-metadata';

/**
 * Reports one finding. `urn` defaults to the resource being validated (resource rules); stack rules pass the
 * URN of the offending resource, or nothing for a finding about the stack as a whole.
 */
export type Report = (message: string, urn?: string) => void;

/**
 * Reports that the rule cannot give its verdict in this mode because the value it depends on is unknown until
 * apply (a first-time preview): an advisory "undecided" finding naming the rule and `propertyPath`
 * (`policy`, `ingress[0].cidrBlocks`), with `detail` saying what the value would decide. `urn` as for
 * {@link Report}. The run with every value known (an update) gives the verdict.
 */
export type ReportUndecided = (propertyPath: string, detail?: string, urn?: string) => void;

/** The arguments a resource rule's check receives: the policy SDK's own, plus the rule's config with defaults. */
export interface ResourceCheckArgs<C> {
  readonly args: ResourceValidationArgs;
  readonly config: C;
  readonly report: Report;
  readonly undecided: ReportUndecided;
}

/** The arguments a stack rule's check receives. */
export interface StackCheckArgs<C> {
  readonly args: StackValidationArgs;
  readonly config: C;
  readonly report: Report;
  readonly undecided: ReportUndecided;
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
export function stackRule<C = Record<string, never>>(definition: Omit<StackRuleDefinition<C>, 'kind'>): StackRuleDefinition<C> {
  return { kind: 'stack', ...definition };
}
