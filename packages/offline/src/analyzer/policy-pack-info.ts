/**
 * What a policy pack says about itself over `GetAnalyzerInfo`: its name, version and every policy's metadata.
 * The single source for `bulwark rules`, SARIF rule descriptors and policy config resolution.
 */
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { type PolicyDescriptor, type JsonSchema } from '../policy/config';
import { type EnforcementLevel } from '../policy/findings';

export type PolicySeverity = 'low' | 'medium' | 'high' | 'critical';

/** One policy's metadata. */
export interface PolicyInfo extends PolicyDescriptor {
  readonly name: string;
  readonly displayName?: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly kind: 'resource' | 'stack' | 'unknown';
  readonly severity?: PolicySeverity;
  readonly framework?: { name: string; version: string; reference: string; specification: string };
  readonly tags: string[];
  readonly remediationSteps?: string;
  readonly url?: string;
  readonly configSchema?: { properties?: Record<string, JsonSchema>; required?: string[] };
}

/** A pack's metadata. */
export interface PolicyPackInfo {
  readonly name: string;
  readonly displayName?: string;
  readonly version: string;
  readonly description?: string;
  /** The policy SDK version the pack runs (`GetPluginInfo`). */
  readonly sdkVersion?: string;
  readonly policies: PolicyInfo[];
  /** Config the pack ships with (`initialConfig`), applied under the user's. */
  readonly initialConfig: Record<string, unknown>;
}

const LEVELS: Record<number, EnforcementLevel> = {
  [analyzerproto.EnforcementLevel.ADVISORY]: 'advisory',
  [analyzerproto.EnforcementLevel.MANDATORY]: 'mandatory',
  [analyzerproto.EnforcementLevel.DISABLED]: 'disabled',
  [analyzerproto.EnforcementLevel.REMEDIATE]: 'remediate',
};

const SEVERITIES: Record<number, PolicySeverity | undefined> = {
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: undefined,
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_LOW]: 'low',
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_MEDIUM]: 'medium',
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_HIGH]: 'high',
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_CRITICAL]: 'critical',
};

/** The enforcement level of a protocol enum value. */
export function enforcementLevelOf(value: analyzerproto.EnforcementLevel): EnforcementLevel {
  const level = LEVELS[value];
  if (!level) throw new Error(`unknown enforcement level ${value}`);
  return level;
}

/** The protocol enum value of an enforcement level. */
export function enforcementLevelValue(level: EnforcementLevel): analyzerproto.EnforcementLevel {
  const entry = Object.entries(LEVELS).find(([, name]) => name === level);
  if (!entry) throw new Error(`unknown enforcement level ${level}`);
  return Number(entry[0]) as analyzerproto.EnforcementLevel;
}

/** The severity of a protocol enum value (undefined when unspecified). */
export function severityOf(value: analyzerproto.PolicySeverity): PolicySeverity | undefined {
  return SEVERITIES[value];
}

function policyInfoOf(message: analyzerproto.PolicyInfo): PolicyInfo {
  const schema = message.getConfigschema();
  const framework = message.getFramework();
  const severity = severityOf(message.getSeverity());
  const type = message.getPolicyType();
  return {
    name: message.getName(),
    ...(message.getDisplayname() ? { displayName: message.getDisplayname() } : {}),
    description: message.getDescription(),
    enforcementLevel: enforcementLevelOf(message.getEnforcementlevel()),
    kind:
      type === analyzerproto.PolicyType.POLICY_TYPE_RESOURCE ? 'resource' : type === analyzerproto.PolicyType.POLICY_TYPE_STACK ? 'stack' : 'unknown',
    ...(severity ? { severity } : {}),
    ...(framework
      ? {
          framework: {
            name: framework.getName(),
            version: framework.getVersion(),
            reference: framework.getReference(),
            specification: framework.getSpecification(),
          },
        }
      : {}),
    tags: message.getTagsList(),
    ...(message.getRemediationSteps() ? { remediationSteps: message.getRemediationSteps() } : {}),
    ...(message.getUrl() ? { url: message.getUrl() } : {}),
    ...(schema
      ? {
          configSchema: {
            properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonSchema>,
            required: schema.getRequiredList(),
          },
        }
      : {}),
  };
}

/** Reads a `GetAnalyzerInfo` response (and the `GetPluginInfo` version). */
export function policyPackInfoOf(message: analyzerproto.AnalyzerInfo, sdkVersion?: string): PolicyPackInfo {
  const initialConfig: Record<string, unknown> = {};
  for (const [name, config] of message.getInitialconfigMap().entries()) {
    // proto3 cannot tell "advisory" from "not set": only a non-default level is an explicit choice.
    const level = config.getEnforcementlevel();
    initialConfig[name] = {
      ...(level !== analyzerproto.EnforcementLevel.ADVISORY ? { enforcementLevel: enforcementLevelOf(level) } : {}),
      ...((config.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>),
    };
  }
  return {
    name: message.getName(),
    ...(message.getDisplayname() ? { displayName: message.getDisplayname() } : {}),
    version: message.getVersion(),
    ...(message.getDescription() ? { description: message.getDescription() } : {}),
    ...(sdkVersion ? { sdkVersion } : {}),
    policies: message.getPoliciesList().map(policyInfoOf),
    initialConfig,
  };
}
