import { closestName, editDistance } from './did-you-mean';

describe('did you mean', () => {
  it('measures edits, a swap of neighbours being one', () => {
    expect(editDistance('check', 'check')).toBe(0);
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(editDistance('preveiw', 'preview')).toBe(1);
    expect(editDistance('', 'rules')).toBe(5);
  });

  it('suggests a close name or a unique completion, and nothing for a stranger', () => {
    const options = ['policy-pack', 'policy-pack-config', 'pack-timeout', 'stack', 'stack-reference', 'update'];
    expect(closestName('polcy-pack', options)).toBe('policy-pack');
    expect(closestName('stack-ref', options)).toBe('stack-reference');
    expect(closestName('udpate', options)).toBe('update');
    expect(closestName('frobnicate', options)).toBeUndefined();
  });
});
