import { withOverrides } from './config-overrides';

describe('withOverrides', () => {
  const file = { 'aws:region': 'eu-west-1', 'demo:size': 2, 'demo:zones': ['a', 'b'] };

  it('replaces and adds keys', () => {
    expect(withOverrides(file, { 'demo:size': 5, 'demo:extra': true })).toEqual({ 'aws:region': 'eu-west-1', 'demo:size': 5, 'demo:zones': ['a', 'b'], 'demo:extra': true });
  });

  it('removes a key whose override is undefined, as `pulumi config rm` would', () => {
    const config = withOverrides(file, { 'demo:zones': undefined });
    expect(config).toEqual({ 'aws:region': 'eu-west-1', 'demo:size': 2 });
    expect('demo:zones' in config).toBe(false);
  });

  it('leaves the file config as it was', () => {
    withOverrides(file, { 'demo:size': 5, 'aws:region': undefined });
    expect(file).toEqual({ 'aws:region': 'eu-west-1', 'demo:size': 2, 'demo:zones': ['a', 'b'] });
  });
});
