import { logDestinationIssues } from './log-destination';

const source = { accountId: '111122223333', region: 'eu-west-1', allowedAccountIds: ['111122223333'] };
const owner = 'the baseline stack acme/baseline/dev';

describe('logDestinationIssues', () => {
  it('accepts a log bucket in the same account and region', () => {
    expect(logDestinationIssues({ owner, accountId: '111122223333', region: 'eu-west-1' }, source)).toEqual([]);
  });

  it('names aws:region when the log bucket is in another region', () => {
    const [issue, ...rest] = logDestinationIssues({ owner, accountId: '111122223333', region: 'us-east-1' }, source);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ key: 'aws:region', value: 'eu-west-1' });
    expect(issue?.expected).toMatch(/^the region of the baseline stack acme\/baseline\/dev \("us-east-1"\): S3 delivers server access logs only between buckets of one account and region/);
  });

  it('names aws:allowedAccountIds when the log bucket is in another account', () => {
    const [issue] = logDestinationIssues({ owner, accountId: '444455556666', region: 'eu-west-1' }, source);
    expect(issue).toMatchObject({ key: 'aws:allowedAccountIds', value: ['111122223333'] });
    expect(issue?.expected).toContain('the account of the baseline stack acme/baseline/dev ("444455556666")');
  });

  it('leaves values the destination does not know yet to the update', () => {
    expect(logDestinationIssues({ owner, accountId: undefined, region: undefined }, source)).toEqual([]);
  });
});
