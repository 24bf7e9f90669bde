import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureWorkspace, type FixtureWorkspace } from './testing/fixture-workspace';

describe('inferred Pulumi targets run by nx', () => {
  let workspace: FixtureWorkspace;

  beforeAll(() => {
    workspace = createFixtureWorkspace([
      {
        name: 'network',
        files: {
          'policy-config.prod.json': '{ "aws-security": { "all": "mandatory" } }\n',
          'policy-config.json': '{}\n',
        },
      },
      { name: 'data', consumes: ['network'] },
    ], { bulwarkCommand: 'fake-bulwark' });
    // A Pulumi.yaml with no project file beside it (a test fixture) is not a stack.
    workspace.write('packages/core/test-fixtures/demo/Pulumi.yaml', 'name: demo\nruntime: nodejs\n');
  });
  afterAll(() => workspace.dispose());

  it('deploys the prod stack with both packs, each with its section of the prod pack config, from the stack directory', () => {
    workspace.nx(['run', 'network:deploy', '--configuration=prod']);
    expect(workspace.pulumiCalls()).toEqual([
      {
        args: [
          'up',
          '--yes',
          '--stack',
          'acme/network/prod',
          '--policy-pack',
          '../../policies/aws-security',
          '--policy-pack-config',
          '../../dist/policy-config/network/prod/aws-security.json',
          '--policy-pack',
          '../../policies/aws-deployability',
          '--policy-pack-config',
          '../../dist/policy-config/network/prod/aws-deployability.json',
        ],
        cwd: `${workspace.root}/stacks/network`,
      },
    ]);
    // The split files hold each pack's section; a pack without one gets its defaults.
    expect(JSON.parse(readFileSync(join(workspace.root, 'dist/policy-config/network/prod/aws-security.json'), 'utf8'))).toEqual({ all: 'mandatory' });
    expect(JSON.parse(readFileSync(join(workspace.root, 'dist/policy-config/network/prod/aws-deployability.json'), 'utf8'))).toEqual({});
  });

  it('previews the dev stack by default, falling back to the stack-wide pack config', () => {
    const before = workspace.pulumiCalls().length;
    workspace.nx(['run', 'network:preview']);
    expect(workspace.pulumiCalls().slice(before)).toEqual([
      {
        args: [
          'preview',
          '--stack',
          'acme/network/dev',
          '--policy-pack',
          '../../policies/aws-security',
          '--policy-pack-config',
          '../../dist/policy-config/network/dev/aws-security.json',
          '--policy-pack',
          '../../policies/aws-deployability',
          '--policy-pack-config',
          '../../dist/policy-config/network/dev/aws-deployability.json',
        ],
        cwd: `${workspace.root}/stacks/network`,
      },
    ]);
  });

  it('leaves out the pack config when the stack has none, and checks drift without changing state', () => {
    const before = workspace.pulumiCalls().length;
    workspace.nx(['run', 'data:drift', '--configuration=prod']);
    expect(workspace.pulumiCalls().slice(before)).toEqual([
      {
        args: ['refresh', '--preview-only', '--expect-no-changes', '--stack', 'acme/data/prod'],
        cwd: `${workspace.root}/stacks/data`,
      },
    ]);
  });

  it('runs the offline check from the workspace root with the same pack and pack config, with the report options passed through', () => {
    workspace.nx(['run', 'network:check', '--configuration=prod', '--format=sarif', '--output=dist/sarif/network.sarif']);
    expect(workspace.bulwarkCalls()).toEqual([
      {
        args: [
          'check',
          'stacks/network',
          '--stack',
          'prod',
          '--organization',
          'acme',
          '--policy-pack',
          'policies/aws-security',
          '--policy-pack-config',
          'dist/policy-config/network/prod/aws-security.json',
          '--policy-pack',
          'policies/aws-deployability',
          '--policy-pack-config',
          'dist/policy-config/network/prod/aws-deployability.json',
          '--format=sarif',
          '--output=dist/sarif/network.sarif',
        ],
        cwd: workspace.root,
      },
    ]);
  });

  it('never caches deploy, preview, refresh or drift, and describes each environment in metadata', () => {
    const project = JSON.parse(workspace.nx(['show', 'project', 'network', '--json'])) as {
      targets: Record<string, { cache?: boolean; configurations?: Record<string, unknown> }>;
      metadata: { pulumi: unknown };
    };
    for (const target of ['deploy', 'preview', 'refresh', 'drift']) expect(project.targets[target].cache).toBe(false);
    expect(project.targets.check.cache).toBe(true);
    expect(Object.keys(project.targets.deploy.configurations ?? {})).toEqual(['dev', 'prod']);
    expect(project.metadata.pulumi).toEqual({
      project: 'network',
      stacks: {
        dev: { stack: 'acme/network/dev', policyPackConfig: 'stacks/network/policy-config.json' },
        prod: { stack: 'acme/network/prod', policyPackConfig: 'stacks/network/policy-config.prod.json' },
      },
    });
  });

  it('makes only directories with a project file into stack projects, each tagged pulumi-stack', () => {
    const projects = JSON.parse(workspace.nx(['show', 'projects', '--with-target', 'deploy', '--json'])) as string[];
    expect(projects.sort()).toEqual(['data', 'network']);
    const tagged = JSON.parse(workspace.nx(['show', 'projects', '--projects', 'tag:pulumi-stack', '--json'])) as string[];
    expect(tagged.sort()).toEqual(['data', 'network']);
  });
});
