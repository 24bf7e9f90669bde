import { withWorkspacePackage } from './lockfile-entries';

describe('withWorkspacePackage', () => {
  it('adds the package and its node_modules link, keeping the root first and the rest sorted', () => {
    const lockfile = { name: 'ws', lockfileVersion: 3, packages: { '': { name: 'ws' }, 'stacks/data': { name: '@t/stack-data' }, 'node_modules/zod': { version: '4.1.0' } } };
    const updated = withWorkspacePackage(lockfile, 'stacks/sample', {
      name: '@t/stack-sample',
      version: '0.1.0',
      license: 'Apache-2.0',
      dependencies: { '@t/core': '0.1.0' },
      devDependencies: { '@t/stack-testing': '0.1.0' },
    });
    expect(Object.keys(updated.packages)).toEqual(['', 'node_modules/@t/stack-sample', 'node_modules/zod', 'stacks/data', 'stacks/sample']);
    expect(updated.packages['node_modules/@t/stack-sample']).toEqual({ resolved: 'stacks/sample', link: true });
    expect(updated.packages['stacks/sample']).toEqual({
      name: '@t/stack-sample',
      version: '0.1.0',
      license: 'Apache-2.0',
      dependencies: { '@t/core': '0.1.0' },
      devDependencies: { '@t/stack-testing': '0.1.0' },
    });
    expect(updated).toMatchObject({ name: 'ws', lockfileVersion: 3 });
  });
});
