import { allowedAccountIds, deploymentAccount } from './allowed-accounts';

const FILE = 'stacks/demo/Pulumi.dev.yaml';

describe('allowedAccountIds', () => {
  it('reads a YAML list, the JSON text the engine passes, and a comma-separated text', () => {
    expect(allowedAccountIds({ 'aws:allowedAccountIds': ['111122223333', '444455556666'] }, FILE)).toEqual(['111122223333', '444455556666']);
    expect(allowedAccountIds({ 'aws:allowedAccountIds': '["111122223333"]' }, FILE)).toEqual(['111122223333']);
    expect(allowedAccountIds({ 'aws:allowedAccountIds': '111122223333, 444455556666' }, FILE)).toEqual(['111122223333', '444455556666']);
  });

  it('is undefined when the key is not set', () => {
    expect(allowedAccountIds({ 'aws:region': 'eu-west-1' }, FILE)).toBeUndefined();
  });

  it.each([
    ['an unquoted number YAML read as a number', [111122223333]],
    ['an id of 11 digits', ['11112222333']],
    ['an empty list', []],
    ['a mapping', { id: '111122223333' }],
    ['JSON of a non-list', '{"a":1}'],
  ])('rejects %s, naming the source and the key', (_case, value) => {
    expect(() => allowedAccountIds({ 'aws:allowedAccountIds': value }, FILE)).toThrow(
      `${FILE}: "aws:allowedAccountIds" must be a non-empty list of 12-digit AWS account ids in quotes`,
    );
  });
});

describe('deploymentAccount', () => {
  it('is the first allowed account', () => {
    expect(deploymentAccount({ 'aws:allowedAccountIds': ['444455556666', '111122223333'] }, FILE)).toBe('444455556666');
  });

  it('is an error naming the source and the key when the key is not set', () => {
    expect(() => deploymentAccount({}, FILE)).toThrow(`${FILE}: "aws:allowedAccountIds" is not set`);
  });
});
