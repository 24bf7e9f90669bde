/**
 * Renders a pack's rule reference (a Markdown page) from the rules' own metadata, the single source the pack,
 * SARIF descriptors and `bulwark rules` read too. Output is deterministic (no dates) so a test can tell when the
 * committed file is stale: each pack has a generate script (`writeRulesReference`) and a freshness test
 * (`staleRulesReference`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EnforcementLevel, PolicyConfigSchema } from '@pulumi/policy';
import { type RuleDefinition } from '../rule';
import { FRAMEWORKS } from '../rule-metadata';

/** What makes one pack's reference its own. */
export interface RulesReferenceOptions {
  /** The pack name, as its policies report it. */
  readonly packName: string;
  /** The page title; `Rule reference: the \`<pack>\` policy pack` by default. */
  readonly title?: string;
  /** Paragraphs after the generic ones (what the pack is for, where its waivers live). */
  readonly intro?: readonly string[];
  /** The script that writes the page, named in the page's do-not-edit note. */
  readonly generator: string;
  /** The command that regenerates the page, named in the page and in the staleness error. */
  readonly regenerateCommand: string;
}

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

function decisionLines(rule: RuleDefinition): string[] {
  const decisions = rule.metadata.decisions ?? [];
  if (decisions.length === 0) return [];
  return ['How it decides:', '', ...decisions.map((decision) => `- ${decision.replace(/\r?\n/g, ' ')}`), ''];
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
    ...decisionLines(rule),
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

/** The whole reference page for the given rules, in their order. */
export function renderRulesReference(rules: readonly RuleDefinition[], options: RulesReferenceOptions): string {
  const lines = [
    `# ${options.title ?? `Rule reference: the \`${options.packName}\` policy pack`}`,
    '',
    `<!-- Generated from the rule metadata by \`${options.regenerateCommand}\` (${options.generator}). Do not edit by hand. -->`,
    '',
    `The pack has ${rules.length} rules. Every rule's level can be changed through pack config the standard ` +
      'CrossGuard way: `{"all": "mandatory"}`, `{"<rule-id>": "advisory"}`, or ' +
      '`{"<rule-id>": {"enforcementLevel": "mandatory", "<property>": <value>}}` for the configuration properties ' +
      'listed under each rule.',
    '',
    ...(options.intro ?? []).flatMap((paragraph) => [paragraph, '']),
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

/** Writes the reference page to `path` (creating its folder). */
export function writeRulesReference(path: string, rules: readonly RuleDefinition[], options: RulesReferenceOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderRulesReference(rules, options));
}

/** Why the committed page at `path` is not what the rules render (missing or stale), or undefined when it is fresh. */
export function staleRulesReference(path: string, rules: readonly RuleDefinition[], options: RulesReferenceOptions): string | undefined {
  let committed: string;
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    return `${path} is missing: run \`${options.regenerateCommand}\` and commit the result`;
  }
  if (committed === renderRulesReference(rules, options)) return undefined;
  return `${path} is stale: the rule metadata changed. Run \`${options.regenerateCommand}\` and commit the result.`;
}
