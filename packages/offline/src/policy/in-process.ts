/**
 * Evaluates a pack's policies in this process, with the semantics of the policy SDK's Analyzer server:
 * properties deserialized and wrapped in the SDK's unknown-checking proxy, a rule that touches an unknown
 * reported as an advisory "can't run during preview", the policy config resolved as the CLI resolves it.
 * Used by rule tests and to check that the gRPC path gives the same findings.
 */
import type {
  Policies,
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from '@pulumi/policy';
import { analyzerProperties } from '../analyzer/analyzer-properties';
import { timeoutSeconds } from '../analyzer/analyzer-requests';
import { stateProperties } from '../analyzer/resource-state';
import { providerUrnOf } from '@bulwark/aws-model';
import { type ProgramResult, type ResourceRecord, type WireProperties } from '../types';
import { engineStackTags } from './engine-stack-tags';
import { resolvePolicyConfig, type PolicyDescriptor, type ResolvedPolicyConfig } from './config';
import { type EnforcementLevel, type Finding } from './findings';

/** A pack as plain data: what `new PolicyPack(name, { policies })` would serve. */
export interface InProcessPack {
  readonly name: string;
  readonly version: string;
  readonly policies: Policies;
  readonly enforcementLevel?: EnforcementLevel;
}

// The policy SDK's own deserializer and unknown-checking proxy (internal modules, pinned by our lockfile), so
// that rules see exactly what they see under the Pulumi CLI.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deserializeProperties } = require('@pulumi/policy/deserialize') as {
  deserializeProperties(struct: { toJavaScript(): unknown }, proxySecrets: boolean): Record<string, unknown>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError, unknownCheckingProxy } = require('@pulumi/policy/proxy') as {
  UnknownValueError: new (...args: never[]) => Error;
  unknownCheckingProxy<T>(value: T): T;
};

/** The object form of a violation report, which the SDK accepts though its type does not say so. */
interface ViolationInfo {
  name?: string;
  message?: string;
  description?: string;
  urn?: string;
  enforcementLevel?: EnforcementLevel;
  severity?: string;
}

class NotApplicable extends Error {}

function throwNotApplicable(reason?: string): never {
  throw new NotApplicable(reason);
}

function propsOf(properties: WireProperties): Record<string, unknown> {
  const forAnalyzers = analyzerProperties(properties);
  return unknownCheckingProxy(deserializeProperties({ toJavaScript: () => forAnalyzers }, false));
}

function optionsOf(record: ResourceRecord): PolicyResourceOptions {
  const { options } = record;
  return {
    protect: options.protect,
    ignoreChanges: options.ignoreChanges,
    aliases: options.aliases,
    customTimeouts: {
      createSeconds: timeoutSeconds(options.customTimeouts.create),
      updateSeconds: timeoutSeconds(options.customTimeouts.update),
      deleteSeconds: timeoutSeconds(options.customTimeouts.delete),
    },
    additionalSecretOutputs: options.additionalSecretOutputs,
    ...(options.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: options.deleteBeforeReplace } : {}),
    ...(record.parent ? { parent: record.parent } : {}),
  };
}

function providerOf(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>) {
  if (!record.provider) return undefined;
  const provider = byUrn.get(providerUrnOf(record.provider));
  if (!provider) return undefined;
  return { type: provider.type, props: propsOf(provider.inputs), urn: provider.urn, name: provider.name };
}

function isType(type: string, resourceClass: unknown): boolean {
  const token = (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType;
  return token === type;
}

/** True for the resources the engine sends to analyzers (everything but the default providers it makes itself). */
export function isAnalyzed(record: ResourceRecord): boolean {
  return record.defaultProvider !== true;
}

function reporter(
  findings: Finding[],
  pack: InProcessPack,
  policy: Policies[number],
  level: EnforcementLevel,
  defaultUrn: string | undefined,
): ReportViolation {
  return ((message: string | ViolationInfo, urn?: string) => {
    if (typeof message === 'object') {
      findings.push({
        policy: message.name ?? policy.name,
        pack: pack.name,
        packVersion: pack.version,
        enforcement: message.enforcementLevel ?? level,
        severity: message.severity ?? policy.severity,
        urn: message.urn ?? defaultUrn,
        message: message.message ?? message.description ?? policy.description,
        description: message.description ?? policy.description,
      });
      return;
    }
    findings.push({
      policy: policy.name,
      pack: pack.name,
      packVersion: pack.version,
      enforcement: level,
      severity: policy.severity,
      urn: urn ?? defaultUrn,
      message: message ? `${policy.description}\n${message}` : policy.description,
      description: policy.description,
    });
  }) as ReportViolation;
}

function effectiveLevel(level: EnforcementLevel): EnforcementLevel {
  return level === 'remediate' ? 'mandatory' : level;
}

function unknownFinding(pack: InProcessPack, policy: Policies[number], error: Error, urn?: string): Finding {
  return {
    policy: policy.name,
    pack: pack.name,
    packVersion: pack.version,
    enforcement: 'advisory',
    severity: policy.severity,
    urn,
    message: `can't run policy '${policy.name}' from policy pack '${pack.name}@v${pack.version}' during preview: ${error.message}`,
    description: policy.description,
  };
}

/** Evaluates every policy of `pack` against a program run, as `pulumi preview --policy-pack` would. */
export async function evaluateInProcess(
  pack: InProcessPack,
  program: Pick<ProgramResult, 'resources' | 'placeholderAccount'>,
  userConfig: Record<string, unknown> = {},
): Promise<Finding[]> {
  const config: Map<string, ResolvedPolicyConfig> = resolvePolicyConfig(
    pack.policies as unknown as PolicyDescriptor[],
    userConfig,
    pack.enforcementLevel,
  );
  const records = program.resources.filter(isAnalyzed);
  const byUrn = new Map(program.resources.map((record) => [record.urn, record]));
  const findings: Finding[] = [];
  const stackTags: ReadonlyMap<string, string> = new Map(Object.entries(engineStackTags(program)));

  for (const record of records) {
    for (const policy of pack.policies) {
      const resolved = config.get(policy.name);
      const level = effectiveLevel(resolved?.enforcementLevel ?? 'advisory');
      if (level === 'disabled' || !('validateResource' in policy) || !policy.validateResource) continue;
      const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
      for (const validate of validations) {
        const props = propsOf(record.inputs);
        const args: ResourceValidationArgs = {
          type: record.type,
          props,
          urn: record.urn,
          name: record.name,
          opts: optionsOf(record),
          stackTags,
          isType: (resourceClass) => isType(record.type, resourceClass),
          asType: ((resourceClass: unknown) => (isType(record.type, resourceClass) ? props : undefined)) as never,
          getConfig: (() => ({ ...resolved?.properties })) as never,
          notApplicable: throwNotApplicable,
        };
        const provider = providerOf(record, byUrn);
        if (provider) args.provider = provider;
        try {
          await validate(args, reporter(findings, pack, policy, level, record.urn));
        } catch (error) {
          if (error instanceof UnknownValueError) findings.push(unknownFinding(pack, policy, error, record.urn));
          else if (!(error instanceof NotApplicable)) {
            throw new Error(`policy '${policy.name}' threw on ${record.urn}: ${(error as Error).message}`, { cause: error });
          }
        }
      }
    }
  }

  for (const policy of pack.policies) {
    const resolved = config.get(policy.name);
    const level = effectiveLevel(resolved?.enforcementLevel ?? 'advisory');
    if (level === 'disabled' || !('validateStack' in policy) || !policy.validateStack) continue;
    const resources = new Map<string, PolicyResource>();
    for (const record of records) {
      // AnalyzeStack receives each resource's state after the step, as the CLI sends it: in a preview the
      // planned inputs, in an update the provider's outputs (inputs plus computed values, and the id).
      const props = propsOf(stateProperties(record));
      const resource: PolicyResource = {
        type: record.type,
        props,
        urn: record.urn,
        name: record.name,
        opts: optionsOf(record),
        dependencies: [],
        propertyDependencies: {},
        isType: (resourceClass) => isType(record.type, resourceClass),
        asType: ((resourceClass: unknown) => (isType(record.type, resourceClass) ? props : undefined)) as never,
      };
      const provider = providerOf(record, byUrn);
      if (provider) resource.provider = provider;
      resources.set(record.urn, resource);
    }
    for (const record of records) {
      const resource = resources.get(record.urn) as PolicyResource & { parent?: PolicyResource };
      if (record.parent && resources.has(record.parent)) resource.parent = resources.get(record.parent);
      resource.dependencies = record.dependencies.flatMap((urn) => resources.get(urn) ?? []);
      for (const [property, urns] of Object.entries(record.propertyDependencies)) {
        resource.propertyDependencies[property] = urns.flatMap((urn) => resources.get(urn) ?? []);
      }
    }
    const args: StackValidationArgs = {
      resources: [...resources.values()],
      getConfig: (() => ({ ...resolved?.properties })) as never,
      stackTags,
      notApplicable: throwNotApplicable,
    };
    try {
      await policy.validateStack(args, reporter(findings, pack, policy, level, undefined));
    } catch (error) {
      if (error instanceof UnknownValueError) findings.push(unknownFinding(pack, policy, error));
      else if (!(error instanceof NotApplicable)) {
        throw new Error(`policy '${policy.name}' threw on the stack: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  return findings;
}
