import { createFixtureWorkspace, type FixtureWorkspace } from './testing/fixture-workspace';

// The dependency chain of the real stacks: network <- data <- edge; network, data <- compute; baseline alone.
const STACKS = [
  { name: 'baseline' },
  { name: 'network' },
  { name: 'data', consumes: ['network'] },
  { name: 'edge', consumes: ['data'] },
  { name: 'compute', consumes: ['network', 'data'] },
];

describe('affected stacks and deploy order', () => {
  let workspace: FixtureWorkspace;

  beforeAll(() => {
    workspace = createFixtureWorkspace(STACKS);
    workspace.git(['init', '--quiet', '--initial-branch=main']);
    workspace.git(['add', '.']);
    workspace.git(['commit', '--quiet', '-m', 'fixture']);
  });
  afterAll(() => workspace.dispose());

  const affectedAfterChanging = (file: string): string[] => {
    workspace.write(file, `// changed ${Date.now()}\n`);
    try {
      return (JSON.parse(workspace.nx(['show', 'projects', '--affected', '--base=main', '--json'])) as string[]).sort();
    } finally {
      workspace.git(['checkout', '--quiet', '--', '.']);
      workspace.git(['clean', '--quiet', '-fd', '--', 'stacks', 'packages', 'policies']);
    }
  };

  it('a change under stacks/network affects network and every stack that consumes it, directly or not', () => {
    expect(affectedAfterChanging('stacks/network/src/index.ts')).toEqual(['compute', 'data', 'edge', 'network']);
  });

  it('a change under stacks/edge affects edge alone', () => {
    expect(affectedAfterChanging('stacks/edge/src/index.ts')).toEqual(['edge']);
  });

  it('a change under packages/core affects every stack', () => {
    expect(affectedAfterChanging('packages/core/src/index.ts')).toEqual(['baseline', 'compute', 'core', 'data', 'edge', 'network']);
  });

  it('a change to the policy pack affects every stack', () => {
    expect(affectedAfterChanging('policies/aws-security/index.ts')).toEqual([
      'aws-security',
      'baseline',
      'compute',
      'data',
      'edge',
      'network',
    ]);
  });

  it('deploys the affected stacks producers first, and only those', () => {
    workspace.write('stacks/data/src/index.ts', '// changed\n');
    try {
      workspace.nx(['affected', '-t', 'deploy', '--configuration=prod', '--exclude-task-dependencies', '--base=main', '--parallel=2']);
    } finally {
      workspace.git(['checkout', '--quiet', '--', '.']);
    }
    const order = workspace.pulumiCalls().map((call) => {
      expect(call.args.slice(0, 2)).toEqual(['up', '--yes']);
      return call.args[call.args.indexOf('--stack') + 1];
    });
    expect([...order].sort()).toEqual(['acme/compute/prod', 'acme/data/prod', 'acme/edge/prod']);
    expect(order.indexOf('acme/data/prod')).toBeLessThan(order.indexOf('acme/edge/prod'));
    expect(order.indexOf('acme/data/prod')).toBeLessThan(order.indexOf('acme/compute/prod'));
  });

  it('deploying one stack deploys the stacks it consumes first, in dependency order', () => {
    const before = workspace.pulumiCalls().length;
    workspace.nx(['run', 'compute:deploy', '--configuration=prod']);
    const order = workspace
      .pulumiCalls()
      .slice(before)
      .map((call) => call.args[call.args.indexOf('--stack') + 1]);
    expect(order).toEqual(['acme/network/prod', 'acme/data/prod', 'acme/compute/prod']);
  });

  it('rejects a stack without a consumes declaration, naming its package.json: the graph is never guessed', () => {
    workspace.write('stacks/edge/package.json', JSON.stringify({ name: '@fixture/edge', version: '0.0.0', nx: { name: 'edge' } }));
    try {
      const result = workspace.nxStatus(['show', 'projects']);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`stacks/edge/package.json: "bulwark.consumes" is missing`);
    } finally {
      workspace.git(['checkout', '--quiet', '--', '.']);
    }
  });

  it('rejects a consumes entry that names no stack, saying where and what exists', () => {
    workspace.write(
      'stacks/edge/package.json',
      JSON.stringify({ name: '@fixture/edge', version: '0.0.0', nx: { name: 'edge' }, bulwark: { consumes: ['dta'] } }),
    );
    try {
      const result = workspace.nxStatus(['show', 'projects']);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`stacks/edge/package.json: "bulwark.consumes" names 'dta'`);
      expect(result.output).toContain('baseline, compute, data, edge, network');
    } finally {
      workspace.git(['checkout', '--quiet', '--', '.']);
    }
  });
});
