import { withConfigOverrides } from './program-config';

describe('withConfigOverrides', () => {
  const config = { 'aws:region': 'eu-west-1', 'demo:size': 2, 'demo:zones': ['a', 'b'] };

  it('replaces and adds keys, a bare key belonging to the project', () => {
    expect(withConfigOverrides(config, { size: 5, 'demo:extra': true, 'aws:region': 'us-east-1' }, 'demo')).toEqual({
      'aws:region': 'us-east-1',
      'demo:size': 5,
      'demo:zones': ['a', 'b'],
      'demo:extra': true,
    });
  });

  it('removes a key whose override is undefined, as `pulumi config rm` would', () => {
    const merged = withConfigOverrides(config, { zones: undefined }, 'demo');
    expect(merged).toEqual({ 'aws:region': 'eu-west-1', 'demo:size': 2 });
    expect('demo:zones' in merged).toBe(false);
  });

  it('leaves the given config as it was', () => {
    withConfigOverrides(config, { 'demo:size': 5, 'aws:region': undefined }, 'demo');
    expect(config).toEqual({ 'aws:region': 'eu-west-1', 'demo:size': 2, 'demo:zones': ['a', 'b'] });
  });
});
