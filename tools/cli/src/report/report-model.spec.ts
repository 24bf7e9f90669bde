import { type Finding } from '@bulwark/offline';
import { formatFindingMessage } from '@bulwark/policy-kit';
import { isBlocking, toViolation } from './report-model';

const finding = (overrides: Partial<Finding>): Finding => ({
  policy: 's3-bucket-no-public-policy',
  pack: 'aws-security',
  packVersion: '0.1.0',
  enforcement: 'mandatory',
  severity: 'critical',
  urn: 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::site',
  message: 'Buckets are private.\nsite: `policy` statement 1 Allows Principal "*"',
  ...overrides,
});

describe('toViolation', () => {
  it('reports a plain finding as a violation, blocking when mandatory', () => {
    const violation = toViolation(finding({}));
    expect(violation).toMatchObject({ kind: 'violation', waived: false, message: 'Buckets are private.\nsite: `policy` statement 1 Allows Principal "*"' });
    expect(violation).not.toHaveProperty('waiver');
    expect(isBlocking(violation)).toBe(true);
  });

  it('splits the waiver off a waived finding', () => {
    const violation = toViolation(finding({ enforcement: 'advisory', message: formatFindingMessage('site is public', { waiver: 'demo site (web, expires 2030-01-01)' }) }));
    expect(violation).toMatchObject({ kind: 'violation', waived: true, waiver: 'demo site (web, expires 2030-01-01)', message: 'site is public' });
    expect(isBlocking(violation)).toBe(false);
  });

  it('reads an undecided finding as kind "undecided" with its property', () => {
    const message = formatFindingMessage('s3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply.', { undecidedProperty: 'policy' });
    expect(toViolation(finding({ enforcement: 'advisory', message }))).toMatchObject({
      kind: 'undecided',
      property: 'policy',
      waived: false,
      message: 's3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply.',
    });
  });

  it('never lets a mandatory finding whose text ends like a waiver pass as waived', () => {
    const message = 'Buckets are private.\nsite is public\nwaived: says who';
    const violation = toViolation(finding({ message }));
    expect(violation).toMatchObject({ waived: false, message });
    expect(isBlocking(violation)).toBe(true);
  });
});
