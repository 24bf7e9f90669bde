import { type Finding } from '@bulwark/offline';
import { describeFindings } from './describe-findings';

const finding = (overrides: Partial<Finding>): Finding => ({
  policy: 's3-bucket-versioning',
  pack: 'aws-security',
  packVersion: '0.1.0',
  enforcement: 'mandatory',
  message: 'versioning is off',
  ...overrides,
});

describe('describeFindings', () => {
  it('renders each finding as policy, enforcement and resource, then its message, separated by a blank line', () => {
    const text = describeFindings([
      finding({ urn: 'urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs' }),
      finding({ policy: 'account-baseline-complete', enforcement: 'advisory', message: 'no password policy' }),
    ]);
    expect(text).toBe(
      's3-bucket-versioning [mandatory] urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs\nversioning is off\n\n' +
        'account-baseline-complete [advisory] (stack)\nno password policy',
    );
  });

  it('is empty for no findings, so a failure message built from it reads as nothing found', () => {
    expect(describeFindings([])).toBe('');
  });
});
