import fc from 'fast-check';
import { nameProblems, nameRules, type NamedService, physicalName, physicalNamePattern } from './naming';

const context = { project: 'bulwark', environment: 'dev' as const, uniqueId: 'k3x9q2' };

describe('physicalName', () => {
  it('lays names out per service', () => {
    expect(physicalName(context, 's3-bucket', 'access-logs')).toBe('bulwark-dev-access-logs-k3x9q2');
    expect(physicalName(context, 'iam-role', 'flow-logs', { region: 'eu-west-1' })).toBe('bulwark-dev-flow-logs-eu-west-1');
    expect(physicalName(context, 'kms-alias', 'data')).toBe('alias/bulwark/dev/data');
    expect(physicalName(context, 'log-group', 'flow-logs')).toBe('/bulwark/dev/flow-logs');
    expect(physicalName(context, 'waf-log-group', 'edge')).toBe('aws-waf-logs-bulwark-dev-edge');
    expect(physicalName(context, 'ec2-name-tag', 'private-eu-west-1a')).toBe('bulwark-dev-private-eu-west-1a');
    expect(physicalName(context, 'iam-instance-profile', 'instance', { region: 'eu-west-1' })).toBe('bulwark-dev-instance-eu-west-1');
  });

  it('keeps a WAF log group name inside the aws-waf-logs- prefix WAF requires, even when shortened', () => {
    const name = physicalName(context, 'waf-log-group', `${'long-purpose-'.repeat(45)}end`);
    expect(name.startsWith('aws-waf-logs-bulwark-dev-')).toBe(true);
    expect(name).toHaveLength(512);
  });

  it('shortens an over-long name with a hash of the full name, keeping distinct names distinct', () => {
    const purpose = 'a-very-long-purpose-that-goes-on-and-on-well-past-the-limit';
    const first = physicalName(context, 's3-bucket', purpose);
    const second = physicalName(context, 's3-bucket', `${purpose}-2`);
    expect(first).toHaveLength(63);
    expect(first).toMatch(/^bulwark-dev-a-very-long-purpose.*-[0-9a-f]{8}$/);
    expect(second).not.toBe(first);
    expect(physicalName(context, 's3-bucket', purpose)).toBe(first);
  });

  it('gives the pattern every name of a service, stack project and environment matches, shortened names included', () => {
    const pattern = physicalNamePattern(context, 's3-bucket');
    expect(pattern).toBe('bulwark-dev-*');
    const matches = (name: string) => new RegExp(`^${pattern.replace('*', '.*')}$`).test(name);
    for (const purpose of ['access-logs', 'app-data', 'site', `${'long-purpose-'.repeat(8)}end`]) {
      expect({ purpose, matches: matches(physicalName(context, 's3-bucket', purpose)) }).toEqual({ purpose, matches: true });
    }
    expect(matches(physicalName({ ...context, environment: 'prod' }, 's3-bucket', 'app-data'))).toBe(false);
    expect(physicalNamePattern(context, 'log-group')).toBe('/bulwark/dev/*');
  });

  it('rejects a purpose that is not a lowercase slug', () => {
    expect(() => physicalName(context, 's3-bucket', 'Access_Logs')).toThrow(
      'physicalName(s3-bucket): purpose "Access_Logs" must be lowercase letters and digits in hyphen-separated words (e.g. "access-logs")',
    );
  });

  const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,9}(-[a-z0-9]{1,10}){0,8}$/);
  const services = Object.keys(nameRules) as NamedService[];

  it('always yields a valid, deterministic name for every service', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...services),
        slug.filter((project) => project.length >= 2 && project.length <= 20),
        fc.constantFrom('dev', 'staging', 'prod' as const),
        fc.stringMatching(/^[a-z0-9]{4,8}$/),
        slug,
        (service, project, environment, uniqueId, purpose) => {
          const naming = { project, environment, uniqueId };
          const name = physicalName(naming, service, purpose);
          expect(nameProblems(service, name)).toEqual([]);
          expect(physicalName(naming, service, purpose)).toBe(name);
        },
      ),
    );
  });
});

describe('nameProblems', () => {
  it.each([
    ['s3-bucket', 'ab', /is 2 characters long \(allowed: 3 to 63\)/],
    ['s3-bucket', 'Bulwark-Data', /has characters outside/],
    ['s3-bucket', 'xn--data', /reserved prefix/],
    ['s3-bucket', 'data-s3alias', /reserved suffix/],
    ['rds-instance', '1db', /must start with a letter/],
    ['rds-instance', 'db--main', /two hyphens in a row/],
    ['elasticache-subnet-group', 'cache-', /end with one/],
    ['access-analyzer', '9-account', /must start with a letter/],
    ['log-delivery-source', 's'.repeat(61), /is 61 characters long \(allowed: 1 to 60\)/],
    ['kms-alias', 'alias/aws/s3', /reserved for AWS managed keys/],
    ['iam-role', 'r'.repeat(65), /is 65 characters long \(allowed: 1 to 64\)/],
  ] as const)('%s "%s"', (service, name, problem) => {
    expect(nameProblems(service, name).join('; ')).toMatch(problem);
  });
});
