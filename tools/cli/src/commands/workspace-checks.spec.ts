import { type ProgramResult } from '@bulwark/offline';
import { WorkspaceError } from '@bulwark/workspace';
import { stackResources } from './workspace-checks';

const BUCKET = { urn: 'urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::logs', type: 'aws:s3/bucketV2:BucketV2', inputs: { bucket: 'logs' } };

function run(): ProgramResult {
  const options = { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { create: '', update: '', delete: '' }, dependsOn: [] };
  const record = { ...BUCKET, name: 'logs', custom: true, dependencies: [], propertyDependencies: {}, outputs: {}, options };
  return {
    project: 'data',
    stack: 'dev',
    organization: 'organization',
    mode: 'update',
    resources: [record],
    invokes: [],
    outputs: {},
    expandedComponents: [],
    opaqueComponents: [],
    durationMs: 1,
  };
}

describe('stackResources', () => {
  it('places the stack in its region and the first account of aws:allowedAccountIds (a list, or the JSON text the engine passes)', () => {
    const fromList = stackResources('data', 'dev', run(), { config: { 'aws:region': 'eu-west-1', 'aws:allowedAccountIds': ['111122223333', '444455556666'] } });
    expect(fromList).toEqual({ project: 'data', stack: 'dev', resources: [BUCKET], region: 'eu-west-1', account: '111122223333' });
    const fromText = stackResources('data', 'dev', run(), { config: { 'aws:allowedAccountIds': '["444455556666"]' } });
    expect(fromText.account).toBe('444455556666');
  });

  it('leaves the account out when aws:allowedAccountIds is not set', () => {
    expect(stackResources('data', 'dev', run(), { config: { 'aws:region': 'eu-west-1' } })).not.toHaveProperty('account');
  });

  it('refuses an aws:allowedAccountIds that is not a list of account ids, naming the file and the key', () => {
    for (const value of ['not-an-account', '[]', [42], ['1234']]) {
      const call = () => stackResources('data', 'dev', run(), { config: { 'aws:allowedAccountIds': value }, file: 'stacks/data/Pulumi.dev.yaml' });
      expect(call).toThrow(WorkspaceError);
      expect(call).toThrow(/^stacks\/data\/Pulumi\.dev\.yaml: "aws:allowedAccountIds" must be a non-empty list of 12-digit AWS account ids/);
    }
    // Without a stack file the message names the stack whose config it is.
    expect(() => stackResources('data', 'dev', run(), { config: { 'aws:allowedAccountIds': 'x' } })).toThrow(/^the config of stack data\/dev: "aws:allowedAccountIds"/);
  });
});
