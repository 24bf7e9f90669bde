import { UNKNOWN_VALUE } from './testing';
import { providerString, resourceRegion } from './resource-region';
import { UNDECIDED } from './values';

describe('providerString', () => {
  it('reads a provider input serialised as JSON text, or plain, trimmed', () => {
    expect(providerString('"eu-west-1"')).toBe('eu-west-1');
    expect(providerString(' eu-west-1 ')).toBe('eu-west-1');
    expect(providerString(' "eu-west-1 ')).toBe('"eu-west-1');
  });

  it('is UNDECIDED when unknown and undefined when absent, empty or not a string', () => {
    expect(providerString(UNKNOWN_VALUE)).toBe(UNDECIDED);
    for (const value of [undefined, '', '  ', 42, '42', { region: 'eu-west-1' }]) expect(providerString(value)).toBe(value === '42' ? '42' : undefined);
  });
});

describe('resourceRegion', () => {
  it("takes the resource's own region over its provider's", () => {
    expect(resourceRegion({ props: { region: 'eu-central-1' }, provider: { props: { region: '"eu-west-1"' } } })).toBe('eu-central-1');
    expect(resourceRegion({ props: {}, provider: { props: { region: '"eu-west-1"' } } })).toBe('eu-west-1');
  });

  it('is UNDECIDED when the deciding value is unknown, undefined without provider information', () => {
    expect(resourceRegion({ props: { region: UNKNOWN_VALUE } })).toBe(UNDECIDED);
    expect(resourceRegion({ props: {}, provider: { props: { region: UNKNOWN_VALUE } } })).toBe(UNDECIDED);
    expect(resourceRegion({ props: {} })).toBeUndefined();
  });
});
