import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { isAwsManagedKeyReference, isCustomerManagedKey, KMS_KEY_RESOURCE_TYPES } from './customer-managed-key';

describe('isCustomerManagedKey', () => {
  it.each([
    ['a key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a multi-Region key id', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['a key ARN', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['an alias name', 'alias/orders'],
    ['an alias ARN', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/orders'],
    ['an alias that merely contains aws', 'alias/my-aws/s3'],
  ])('is true for %s', (_label, reference) => {
    expect(isCustomerManagedKey(reference)).toBe(true);
  });

  it.each([
    ['the aws/s3 alias', 'alias/aws/s3'],
    ['an AWS managed alias in another case', 'Alias/AWS/rds'],
    ['an AWS managed alias ARN', 'arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb'],
    ['the console spelling aws/ebs', 'aws/ebs'],
    ['an empty value', ''],
    ['a blank value', '  '],
    ['no value', undefined],
    ['a value that is not text', 42],
  ])('is false for %s', (_label, reference) => {
    expect(isCustomerManagedKey(reference)).toBe(false);
  });

  it('takes an unknown reference computed from KMS key resources only as customer managed', () => {
    expect(isCustomerManagedKey(UNKNOWN_VALUE, { sourceTypes: ['aws:kms/key:Key'] })).toBe(true);
    expect(isCustomerManagedKey(UNKNOWN_VALUE, { sourceTypes: ['aws:kms/key:Key', 'aws:kms/alias:Alias'] })).toBe(true);
    expect(KMS_KEY_RESOURCE_TYPES).toContain('aws:kms/replicaKey:ReplicaKey');
  });

  it('is UNDECIDED for an unknown reference from anywhere else, or of unknown origin', () => {
    expect(isCustomerManagedKey(UNKNOWN_VALUE)).toBe(UNDECIDED);
    expect(isCustomerManagedKey(UNKNOWN_VALUE, { sourceTypes: [] })).toBe(UNDECIDED);
    expect(isCustomerManagedKey(UNKNOWN_VALUE, { sourceTypes: ['pulumi:pulumi:StackReference'] })).toBe(UNDECIDED);
    expect(isCustomerManagedKey(UNKNOWN_VALUE, { sourceTypes: ['aws:kms/key:Key', 'aws:rds/instance:Instance'] })).toBe(UNDECIDED);
  });

  it('tells AWS managed forms apart from the rest', () => {
    expect(isAwsManagedKeyReference('alias/aws/lambda')).toBe(true);
    expect(isAwsManagedKeyReference('alias/awsome')).toBe(false);
  });
});
