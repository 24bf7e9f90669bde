/**
 * `bulwark rules`: the rule catalogue of every workspace pack (or the one given) as each pack describes it over `GetAnalyzerInfo` (title,
 * severity, FSBP/CIS controls from its `fsbp:`/`cis:` tags, remediation, docs link), so it is always the
 * catalogue of the pack that enforces, with the level `bulwark check` would enforce: the pack's own initial
 * config (awsguard ships `all: mandatory`), then `--policy-pack-config` over it, resolved as a check resolves it.
 */
import * as path from 'node:path';
import type { PolicyInfo, PolicyPackInfo } from '@bulwark/offline';
import { packConfigSections, readPackConfig } from '@bulwark/workspace';
import { type RulesOptions } from '../cli-arguments';
import { PackSet, packOptions } from '../evaluation/pack-set';
import { assertPackBuilt, requireWorkspacePacks } from '../workspace/workspace-packs';
import { findWorkspaceRoot } from '../workspace/workspace-root';
import { ExitCode } from '../exit-codes';

/** The control ids a policy maps to in a framework (from its `<framework>:<id>` tags). */
function controlsOf(policy: PolicyInfo, framework: 'fsbp' | 'cis'): string[] {
  return policy.tags.filter((tag) => tag.startsWith(`${framework}:`)).map((tag) => tag.slice(framework.length + 1));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function renderRules(pack: PolicyPackInfo, policies: PolicyInfo[], format: RulesOptions['format']): string {
  if (format === 'json') {
    const rules = policies.map((policy) => ({
      id: policy.name,
      title: policy.displayName ?? policy.name,
      description: policy.description,
      severity: policy.severity ?? null,
      enforcementLevel: policy.enforcementLevel,
      kind: policy.kind,
      fsbp: controlsOf(policy, 'fsbp'),
      cis: controlsOf(policy, 'cis'),
      tags: policy.tags,
      remediation: policy.remediationSteps ?? null,
      url: policy.url ?? null,
      config: policy.configSchema?.properties ?? {},
    }));
    return JSON.stringify({ pack: pack.name, version: pack.version, rules }, null, 2) + '\n';
  }
  if (format === 'markdown') {
    const lines = [
      `| Rule | Title | Severity | Level | FSBP | CIS |`,
      '|---|---|---|---|---|---|',
      ...policies.map(
        (policy) =>
          `| ${policy.url ? `[\`${policy.name}\`](${policy.url})` : `\`${policy.name}\``} | ${cell(policy.displayName ?? '')} | ` +
          `${policy.severity ?? ''} | ${policy.enforcementLevel} | ${controlsOf(policy, 'fsbp').join(', ')} | ${controlsOf(policy, 'cis').join(', ')} |`,
      ),
    ];
    return `## ${pack.name} ${pack.version}: ${policies.length} rule(s)\n\n${lines.join('\n')}\n`;
  }
  const width = Math.max(4, ...policies.map((policy) => policy.name.length));
  const lines = policies.map((policy) => {
    const controls = [...controlsOf(policy, 'fsbp').map((id) => `FSBP ${id}`), ...controlsOf(policy, 'cis').map((id) => `CIS ${id}`)];
    return (
      `${policy.name.padEnd(width)}  ${(policy.severity ?? '-').padEnd(8)}  ${policy.enforcementLevel.padEnd(9)}  ` +
      `${policy.displayName ?? policy.description.split('\n')[0]}${controls.length ? `  (${controls.join(', ')})` : ''}`
    );
  });
  return `${pack.name} ${pack.version}: ${policies.length} rule(s)\n${lines.join('\n')}\n`;
}

/** Lists the rules of one pack, or of every workspace pack, and returns the exit code. */
export async function runRules(options: RulesOptions): Promise<number> {
  let directories: string[];
  if (options.policyPack) directories = [path.resolve(options.policyPack)];
  else {
    const root = findWorkspaceRoot(options.workspace);
    directories = requireWorkspacePacks(root, 'give one with --policy-pack DIR');
    directories.forEach(assertPackBuilt);
  }
  const document = options.policyPackConfig ? readPackConfig(options.policyPackConfig) : {};
  const listings: { pack: PolicyPackInfo; policies: PolicyInfo[] }[] = [];
  // Started together, and every one stopped whatever happens (PackSet: one failing to start stops the others).
  const packs = new PackSet(directories, packOptions(options.packTimeouts));
  try {
    const started = await packs.get();
    // Several packs and one config file: the file maps pack names to configs, as a stack's policy-config.json does.
    const configs = packConfigSections(document, started.map((pack) => pack.info.name), options.policyPackConfig);
    started.forEach((pack, index) => {
      const enforced = pack.resolveConfig(configs[index] ?? {});
      const policies = pack.info.policies
        .filter((policy) => !options.framework || controlsOf(policy, options.framework).length > 0)
        .map((policy) => ({ ...policy, enforcementLevel: enforced.get(policy.name)?.enforcementLevel ?? policy.enforcementLevel }));
      listings.push({ pack: pack.info, policies });
    });
  } finally {
    await packs.stop();
  }
  if (options.format === 'json' && listings.length > 1) {
    // Several packs: one catalogue per pack, each in the single-pack shape.
    const packs = listings.map(({ pack, policies }) => JSON.parse(renderRules(pack, policies, 'json')) as unknown);
    process.stdout.write(JSON.stringify({ packs }, null, 2) + '\n');
  } else {
    process.stdout.write(listings.map(({ pack, policies }) => renderRules(pack, policies, options.format)).join('\n'));
  }
  return ExitCode.Passed;
}
