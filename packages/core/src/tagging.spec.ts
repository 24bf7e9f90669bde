import { runProgram } from '@bulwark/offline';
import * as aws from '@pulumi/aws';
import { loadStackConfig } from './config/load-stack-config';
import { type StackConfig } from './config/stack-config';
import { createAwsProvider, standardTags } from './tagging';
import { componentTestConfig, onlyResourceOfType, resourcesOfType } from '../testing';

const config: StackConfig = {
  environment: 'prod',
  owner: 'platform-team',
  project: 'bulwark',
  uniqueId: 'k3x9q2',
  region: 'eu-west-1',
  regions: ['eu-west-1', 'us-east-1'],
  allowedAccountIds: ['444455556666'],
  logRetentionDays: 365,
  backupRetentionDays: 14,
  logArchiveRetentionDays: 365,
  kmsKeyDeletionWindowDays: 30,
  pulumiProject: 'network',
  stack: 'prod',
};

describe('standardTags', () => {
  it('carries Environment, Owner, Project, ManagedBy and Stack', () => {
    expect(standardTags(config)).toEqual({
      Environment: 'prod',
      Owner: 'platform-team',
      Project: 'bulwark',
      ManagedBy: 'pulumi',
      Stack: 'network/prod',
    });
  });
});

describe.each(['preview', 'update'] as const)('createAwsProvider (%s)', (mode) => {
  it('builds a provider whose defaultTags are the standard tags, used by the resources given it', async () => {
    const result = await runProgram(
      () => {
        const stackConfig = loadStackConfig();
        const provider = createAwsProvider(stackConfig);
        new aws.s3.Bucket('tagged', {}, { provider });
      },
      { mode, project: 'network', stack: 'dev', config: componentTestConfig },
    );
    const providerRecord = onlyResourceOfType(result, 'pulumi:providers:aws');
    expect(providerRecord.name).toBe('aws-eu-west-1');
    expect(providerRecord.inputs.region).toBe('eu-west-1');
    // Provider inputs reach the engine JSON-encoded, as the SDK serializes provider config.
    const defaultTags = providerRecord.inputs.defaultTags;
    expect(typeof defaultTags === 'string' ? JSON.parse(defaultTags) : defaultTags).toEqual(
      expect.objectContaining({
        tags: { Environment: 'dev', Owner: 'platform-team', Project: 'bulwark', ManagedBy: 'pulumi', Stack: 'network/dev' },
      }),
    );
    const bucket = onlyResourceOfType(result, 'aws:s3/bucket:Bucket');
    expect(bucket.provider?.startsWith(providerRecord.urn)).toBe(true);
  });

  it('restricts the provider to the accounts aws:allowedAccountIds names (explicit providers ignore stack config)', async () => {
    const result = await runProgram(
      () => {
        createAwsProvider(loadStackConfig());
      },
      { mode, config: { ...componentTestConfig, 'aws:allowedAccountIds': ['111122223333'] } },
    );
    const allowed = onlyResourceOfType(result, 'pulumi:providers:aws').inputs.allowedAccountIds;
    expect(typeof allowed === 'string' ? JSON.parse(allowed) : allowed).toEqual(['111122223333']);
  });

  it('builds a provider for a secondary region of bulwark:regions', async () => {
    const result = await runProgram(
      () => {
        createAwsProvider(loadStackConfig(), { region: 'us-east-1' });
      },
      { mode, config: { ...componentTestConfig, 'bulwark:regions': ['eu-west-1', 'us-east-1'] } },
    );
    expect(resourcesOfType(result, 'pulumi:providers:aws').map((provider) => provider.inputs.region)).toContain('us-east-1');
  });
});

describe('createAwsProvider rejects', () => {
  it('a region outside bulwark:regions', () => {
    expect(() => createAwsProvider(config, { region: 'ap-south-1' })).toThrow(
      'createAwsProvider: region "ap-south-1" is not in bulwark:regions (eu-west-1, us-east-1); add it there first',
    );
  });
});
