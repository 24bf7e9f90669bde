/**
 * Renders the rule reference (`docs/rules.md`) from the rules' own metadata, the single source the pack, SARIF
 * descriptors and `bulwark rules` read too. Output is deterministic (no dates) so a test can tell when the
 * committed file is stale.
 */
import { join } from 'node:path';
import type { EnforcementLevel, PolicyConfigSchema } from '@pulumi/policy';
import { FRAMEWORKS, type RuleDefinition } from '../src/rule';

/** Where the generated reference is committed, from the pack directory: `<repo>/docs/rules.md`. */
export function rulesReferencePath(packRoot: string): string {
  return join(packRoot, '..', '..', 'docs', 'rules.md');
}

/** The command that regenerates the reference (named in the staleness error). */
export const REGENERATE_COMMAND = 'npm run docs';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function levelText(rule: RuleDefinition): string {
  const level: EnforcementLevel = rule.metadata.enforcementLevel;
  return level === 'disabled' ? 'disabled (enable it through pack config)' : level;
}

function controlList(ids: readonly string[] | undefined): string {
  return ids && ids.length > 0 ? ids.join(', ') : '-';
}

function frameworkLines(rule: RuleDefinition): string[] {
  const { fsbp, cis } = rule.metadata.controls;
  const lines: string[] = [];
  if (fsbp?.length) lines.push(`${FRAMEWORKS.fsbp.name}: ${fsbp.join(', ')}`);
  if (cis?.length) lines.push(`${FRAMEWORKS.cis.name} v${FRAMEWORKS.cis.version}: ${cis.join(', ')}`);
  return lines.length > 0 ? lines : ['none'];
}

interface ConfigProperty {
  readonly type?: unknown;
  readonly description?: unknown;
  readonly default?: unknown;
}

function configRows(schema: PolicyConfigSchema | undefined): string[] {
  const properties = Object.entries((schema?.properties ?? {}) as Record<string, ConfigProperty>);
  if (properties.length === 0) return ['No configuration properties; only the enforcement level can be changed.'];
  return [
    '| property | type | default | description |',
    '|---|---|---|---|',
    ...properties.map(([name, property]) => {
      const type = Array.isArray(property.type) ? property.type.join(' or ') : String(property.type ?? 'any');
      const fallback = 'default' in property ? `\`${JSON.stringify(property.default)}\`` : '(none)';
      const description = typeof property.description === 'string' ? property.description : '';
      return `| \`${name}\` | ${type} | ${cell(fallback)} | ${cell(description)} |`;
    }),
  ];
}

function ruleSection(rule: RuleDefinition): string[] {
  const { metadata } = rule;
  return [
    `## ${metadata.id}`,
    '',
    `**${metadata.title}**`,
    '',
    metadata.description,
    '',
    `- Default level: ${levelText(rule)}`,
    `- Severity: ${metadata.severity}`,
    `- Kind: ${rule.kind === 'stack' ? 'stack rule (relates resources to each other)' : 'resource rule'}`,
    `- Service: ${metadata.service}`,
    ...frameworkLines(rule).map((line) => `- Framework: ${line}`),
    `- Resource types: ${metadata.resourceTypes.map((type) => `\`${type}\``).join(', ') || 'any'}`,
    ...(metadata.references ?? []).map((url) => `- AWS documentation: <${url}>`),
    '',
    '### Configuration',
    '',
    ...configRows(rule.configSchema),
    '',
    '### Remediation',
    '',
    metadata.remediation,
    '',
  ];
}

/** The whole `docs/rules.md` for the given rules, in their order. */
export function renderRulesReference(rules: readonly RuleDefinition[]): string {
  const lines = [
    '# Rule reference: the `aws-security` policy pack',
    '',
    `<!-- Generated from the rule metadata by \`${REGENERATE_COMMAND}\` (policies/aws-security/scripts/generate-docs.ts). Do not edit by hand. -->`,
    '',
    `The pack has ${rules.length} rules. Every rule's level can be changed through pack config the standard ` +
      'CrossGuard way: `{"all": "mandatory"}`, `{"<rule-id>": "advisory"}`, or ' +
      '`{"<rule-id>": {"enforcementLevel": "mandatory", "<property>": <value>}}` for the configuration properties ' +
      'listed under each rule.',
    '',
    'Findings can be waived in `policies/aws-security/waivers.yaml` (rule, resource glob, reason, owner, expiry); a ' +
      'waived finding is still reported, as advisory, with its reason, until the waiver expires.',
    '',
    '| rule | title | default level | severity | FSBP | CIS |',
    '|---|---|---|---|---|---|',
    ...rules.map(
      ({ metadata }) =>
        `| [${metadata.id}](#${metadata.id}) | ${cell(metadata.title)} | ${metadata.enforcementLevel} | ${metadata.severity} | ` +
        `${controlList(metadata.controls.fsbp)} | ${controlList(metadata.controls.cis)} |`,
    ),
    '',
    ...rules.flatMap(ruleSection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
