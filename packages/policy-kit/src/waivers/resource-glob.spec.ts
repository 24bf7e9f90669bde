import { isUrnGlob, resourceMatcher } from './resource-glob';

const urn = 'urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::logs-1';

describe('resourceMatcher', () => {
  it('matches a name glob against the resource name only', () => {
    const matches = resourceMatcher('logs-*');
    expect(matches(urn, 'logs-1')).toBe(true);
    expect(matches(urn, 'logs-')).toBe(true);
    expect(matches(urn, 'app-logs-1')).toBe(false);
    expect(matches('urn:pulumi:dev::data::x::y', undefined)).toBe(false);
  });

  it('treats ? as exactly one character', () => {
    const matches = resourceMatcher('logs-?');
    expect(matches(undefined, 'logs-1')).toBe(true);
    expect(matches(undefined, 'logs-12')).toBe(false);
    expect(matches(undefined, 'logs-')).toBe(false);
  });

  it('matches a URN glob against the URN, with * spanning :: separators', () => {
    expect(resourceMatcher('urn:pulumi:*::logs-1')(urn, 'other')).toBe(true);
    expect(resourceMatcher('urn:pulumi:prod::*')(urn, 'logs-1')).toBe(false);
    expect(resourceMatcher(urn)(urn, 'logs-1')).toBe(true);
    expect(resourceMatcher(urn)(undefined, 'logs-1')).toBe(false);
  });

  it('takes regular-expression characters literally', () => {
    const matches = resourceMatcher('a.b+(c)');
    expect(matches(undefined, 'a.b+(c)')).toBe(true);
    expect(matches(undefined, 'axbb(c)')).toBe(false);
  });

  it('lets only a lone * cover findings about the whole stack', () => {
    expect(resourceMatcher('*')(undefined, undefined)).toBe(true);
    expect(resourceMatcher('*x')(undefined, undefined)).toBe(false);
    expect(resourceMatcher('urn:pulumi:*')(undefined, undefined)).toBe(false);
  });

  it('recognises URN globs by their urn: prefix', () => {
    expect(isUrnGlob('urn:pulumi:dev::*')).toBe(true);
    expect(isUrnGlob('bucket-*')).toBe(false);
  });
});
