import { type Waiver } from './waiver-file';
import { isExpired, waiverLookup, waiverText } from './waiver-lookup';

const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({
  rule: 'rds-multi-az',
  resource: 'scratch-*',
  reason: 'load-test databases are single-AZ',
  owner: 'platform-team',
  expires: '2030-06-30',
  source: 'test',
  ...overrides,
});

const at = (iso: string) => () => new Date(iso);

describe('waiverLookup', () => {
  it('returns "reason (owner, expires date)" for a matching, unexpired waiver', () => {
    const lookup = waiverLookup([waiver()], at('2030-01-01T00:00:00Z'));
    expect(lookup('rds-multi-az', 'urn:pulumi:dev::data::aws:rds/instance:Instance::scratch-db', 'scratch-db')).toBe(
      'load-test databases are single-AZ (platform-team, expires 2030-06-30)',
    );
  });

  it('does not waive another rule or a resource outside the glob', () => {
    const lookup = waiverLookup([waiver()], at('2030-01-01T00:00:00Z'));
    expect(lookup('rds-not-public', undefined, 'scratch-db')).toBeUndefined();
    expect(lookup('rds-multi-az', undefined, 'orders-db')).toBeUndefined();
  });

  it('waives through the whole expiry day (UTC) and stops at the next midnight', () => {
    const lookup = (iso: string) => waiverLookup([waiver()], at(iso))('rds-multi-az', undefined, 'scratch-db');
    expect(lookup('2030-06-30T23:59:59.999Z')).toBeDefined();
    expect(lookup('2030-07-01T00:00:00.000Z')).toBeUndefined();
    expect(isExpired(waiver(), new Date('2031-01-01T00:00:00Z'))).toBe(true);
  });

  it('reads the clock at every lookup, so a running pack stops waiving once the waiver expires', () => {
    let now = new Date('2030-06-30T12:00:00Z');
    const lookup = waiverLookup([waiver()], () => now);
    expect(lookup('rds-multi-az', undefined, 'scratch-db')).toBeDefined();
    now = new Date('2030-07-02T12:00:00Z');
    expect(lookup('rds-multi-az', undefined, 'scratch-db')).toBeUndefined();
  });

  it('skips an expired waiver in favour of a later matching one', () => {
    const expired = waiver({ expires: '2020-01-01', reason: 'old' });
    const current = waiver({ resource: 'scratch-db', reason: 'renewed' });
    const lookup = waiverLookup([expired, current], at('2030-01-01T00:00:00Z'));
    expect(lookup('rds-multi-az', undefined, 'scratch-db')).toBe(waiverText(current));
  });
});
