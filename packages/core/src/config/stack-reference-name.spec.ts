import * as pulumi from '@pulumi/pulumi';
import { readConfigKey } from './config-key';
import { organizationKey, producerProjectKey, stackReferenceName } from './stack-reference-name';

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    'data',
    'dev',
    true,
    'acme',
  );
});

describe('organizationKey', () => {
  it('is optional and accepts a Pulumi organization name', () => {
    expect(readConfigKey('data:organization', undefined, organizationKey)).toEqual({ ok: true, value: undefined });
    expect(readConfigKey('data:organization', 'acme.corp_1', organizationKey)).toEqual({ ok: true, value: 'acme.corp_1' });
  });

  it.each([
    ['a space', 'acme corp'],
    ['a leading hyphen', '-acme'],
    ['more than 40 characters', 'a'.repeat(41)],
  ])('rejects a name with %s, naming the key, the value and the expected form', (_label, value) => {
    expect(readConfigKey('data:organization', value, organizationKey)).toEqual({
      ok: false,
      issues: [{ key: 'data:organization', value, expected: expect.stringMatching(/^a Pulumi organization name .*1 to 40 characters/) }],
    });
  });
});

describe('producerProjectKey', () => {
  it('defaults to the producer project it is given and accepts another project name', () => {
    const key = producerProjectKey('network');
    expect(readConfigKey('compute:networkProject', undefined, key)).toEqual({ ok: true, value: 'network' });
    expect(readConfigKey('compute:networkProject', 'core-network', key)).toEqual({ ok: true, value: 'core-network' });
  });

  it('rejects a project name with a slash, naming the key, the value and the expected form', () => {
    expect(readConfigKey('compute:dataProject', 'da/ta', producerProjectKey('data'))).toEqual({
      ok: false,
      issues: [{ key: 'compute:dataProject', value: 'da/ta', expected: expect.stringMatching(/^a Pulumi project name/) }],
    });
  });

  it('refuses a default that is not a project name', () => {
    expect(() => producerProjectKey('net work')).toThrow('producerProjectKey: default project "net work" is not a Pulumi project name');
  });
});

describe('stackReferenceName', () => {
  it('joins organization, project and environment', () => {
    expect(stackReferenceName({ organization: 'platform', project: 'core-network', environment: 'prod' })).toBe('platform/core-network/prod');
  });

  it("defaults the organization to the consumer's own", () => {
    expect(stackReferenceName({ project: 'network', environment: 'dev' })).toBe('acme/network/dev');
  });

  it.each([
    ['organization', { organization: 'acme corp', project: 'network', environment: 'dev' }, 'stack reference organization = "acme corp": expected a Pulumi organization name'],
    ['project', { project: 'net/work', environment: 'dev' }, 'stack reference project = "net/work": expected a Pulumi project name'],
    ['environment', { project: 'network', environment: 'dev/eu' }, 'stack reference environment = "dev/eu": expected a Pulumi stack name'],
  ])('names a bad %s, its value and the expected form', (_label, parts, message) => {
    expect(() => stackReferenceName(parts)).toThrow(message);
  });
});
