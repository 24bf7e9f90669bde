import { runProgram } from '@bulwark/offline';
import { centralAccessLogs, type CentralAccessLogsOutputs, logDestinationIssues } from './log-destination';
import { referenceStack } from './typed-stack-reference';
import { componentTestConfig } from '../testing';

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

describe.each(['preview', 'update'] as const)('centralAccessLogs (%s)', (mode) => {
  const host: CentralAccessLogsOutputs = { accountId: '123456789012', region: 'eu-west-1', accessLogsBucketName: 'bulwark-dev-access-logs-k3x9q2' };
  const run = (outputs: CentralAccessLogsOutputs) =>
    runProgram(
      async () => {
        const baseline = referenceStack<CentralAccessLogsOutputs>('baseline', { organization: 'acme', project: 'baseline', environment: 'dev' });
        const accessLogs = await centralAccessLogs(baseline, { config: { region: 'eu-west-1', allowedAccountIds: ['123456789012'] }, opts: {} });
        return { bucketName: accessLogs.bucketName };
      },
      { mode, config: componentTestConfig, stackReferences: { 'acme/baseline/dev': { ...outputs } } },
    );

  it("gives the host's bucket by name when this stack deploys into its account and region", async () => {
    expect((await run(host)).outputs).toEqual({ bucketName: host.accessLogsBucketName });
  });

  it('refuses another region before anything is created, naming aws:region and the host stack', async () => {
    await expect(run({ ...host, region: 'us-east-1' })).rejects.toThrow(/aws:region = "eu-west-1": expected the region of the baseline stack acme\/baseline\/dev \("us-east-1"\)/);
  });

  it('refuses another account, naming aws:allowedAccountIds', async () => {
    await expect(run({ ...host, accountId: '444455556666' })).rejects.toThrow(/aws:allowedAccountIds = \["123456789012"\]: expected the account of the baseline stack acme\/baseline\/dev \("444455556666"\)/);
  });
});
