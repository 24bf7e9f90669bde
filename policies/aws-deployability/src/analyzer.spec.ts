/**
 * The pack as the Pulumi CLI runs it: the bundled `bin/index.js` started with `run-policy-pack` in the pack
 * directory and spoken to over the Analyzer protocol (through `@bulwark/offline`'s PolicyPack client). It lists
 * every rule at its level and reports a CLOUDFRONT web ACL created through a us-west-2 provider.
 */
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import * as aws from '@pulumi/aws';
import { PolicyPack, runProgram } from '@bulwark/offline';
import { bundlePolicyPack } from '@bulwark/policy-kit/build';
import { PACK_NAME, PACK_ROOT } from './pack';
import { allRules } from './rules';

jest.setTimeout(120_000);

describe('the compiled pack over the Analyzer protocol', () => {
  let pack: PolicyPack | undefined;

  beforeAll(async () => {
    await bundlePolicyPack(PACK_ROOT);
    pack = await PolicyPack.start(PACK_ROOT);
  });

  afterAll(async () => {
    await pack?.stop();
  });

  it('GetAnalyzerInfo names the pack and lists every rule at its default level', () => {
    expect(pack?.info.name).toBe(PACK_NAME);
    expect(pack?.info.policies.map((policy) => [policy.name, policy.enforcementLevel])).toEqual(
      allRules.map((rule) => [rule.metadata.id, rule.metadata.enforcementLevel]),
    );
  });

  it('reports a CLOUDFRONT web ACL created through a us-west-2 provider, as the CLI would', async () => {
    const result = await runProgram(
      () => {
        const west = new aws.Provider('usw2', { region: 'us-west-2' });
        new aws.wafv2.WebAcl(
          'edge',
          { scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'edge' } },
          { provider: west },
        );
      },
      { mode: 'preview' },
    );
    const evaluation = await (pack as PolicyPack).evaluate(result, {}, { config: {}, secretKeys: [] });
    const findings = evaluation.findings.filter((finding) => finding.policy === 'wafv2-cloudfront-scope-region');
    expect(findings).toEqual([expect.objectContaining({ enforcement: 'mandatory', pack: PACK_NAME, message: expect.stringContaining('us-west-2') })]);
  });

  it('the bundle requires only declared npm dependencies and inlines the workspace packages', () => {
    const manifest = JSON.parse(readFileSync(join(PACK_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    const bundle = readFileSync(join(PACK_ROOT, 'bin', 'index.js'), 'utf8');
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string);
    const outside = required.filter((module) => {
      if (module.startsWith('.')) return false;
      const name = module.replace(/^node:/, '').split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/');
      return !allowed.has(name);
    });
    expect(outside).toEqual([]);
    expect(statSync(join(PACK_ROOT, 'bin', 'index.js')).size).toBeGreaterThan(0);
  });
});
