import { runProgram } from '@bulwark/offline';
import { LogsBucket } from './logs-bucket';
import { SecureBucket } from './secure-bucket';
import { SERVER_ACCESS_LOGGING_TAG } from './server-access-logging-tag';
import { TLS_ONLY_STATEMENT_SID } from './tls-only-bucket-policy';
import { componentTestConfig, onlyResourceOfType, policyDocumentOf, resourcesOfType, statementWithSid } from '../testing';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const READER = 'arn:aws:iam::123456789012:role/reader';

describe.each(['preview', 'update'] as const)('SecureBucket (%s)', (mode) => {
  it('builds a private, KMS-encrypted, versioned, logged bucket with a TLS-only policy merged with the caller statements', async () => {
    const result = await runProgram(
      () => {
        const logs = new LogsBucket('access-logs', {});
        new SecureBucket('data', {
          kmsKeyArn: KEY_ARN,
          logsBucket: logs,
          policyStatements: ({ arn }) => [
            { Sid: 'AllowReader', Effect: 'Allow', Principal: { AWS: READER }, Action: 's3:GetObject', Resource: arn.apply((bucketArn) => `${bucketArn}/*`) },
          ],
        });
      },
      { mode, config: componentTestConfig },
    );
    const component = onlyResourceOfType(result, 'bulwark:core:SecureBucket');
    const [logsBucket, bucket] = resourcesOfType(result, 'aws:s3/bucket:Bucket');
    expect(bucket.parent).toBe(component.urn);
    // The tag the baseline's s3-bucket-logging-enabled Config rule is scoped to: this bucket must log.
    expect(bucket.inputs.tags).toEqual({ [SERVER_ACCESS_LOGGING_TAG.key]: SERVER_ACCESS_LOGGING_TAG.value });
    expect(logsBucket.inputs.tags).toBeUndefined();
    const child = (type: string) => {
      const match = resourcesOfType(result, type).find((candidate) => candidate.parent === component.urn);
      if (match === undefined) throw new Error(`SecureBucket has no ${type}`);
      expect(match.propertyDependencies.bucket).toEqual([bucket.urn]);
      return match;
    };

    expect(child('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(child('aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs.rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true },
    ]);
    expect(child('aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toMatchObject({ status: 'Enabled' });
    expect(child('aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });

    const logging = child('aws:s3/bucketLogging:BucketLogging');
    expect(logging.propertyDependencies.targetBucket).toEqual([logsBucket.urn]);
    // The target is named by the log bucket's name, known in a first-time preview too (its id is not).
    expect(logging.inputs).toMatchObject({ targetPrefix: 'data/', targetBucket: logsBucket.inputs.bucket });
    if (mode === 'update') expect(logging.inputs.targetBucket).toBe(logsBucket.id);

    // Known in a first-time preview too: the ARN is built from the partition and the bucket name.
    const policy = child('aws:s3/bucketPolicy:BucketPolicy');
    const bucketArn = `arn:aws:s3:::${String(bucket.inputs.bucket)}`;
    if (mode === 'update') expect(bucket.outputs.arn).toBe(bucketArn);
    const document = policyDocumentOf(policy.inputs.policy);
    expect(document.Statement[0]).toEqual({
      Sid: TLS_ONLY_STATEMENT_SID,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(statementWithSid(document, 'AllowReader')).toEqual({
      Sid: 'AllowReader',
      Effect: 'Allow',
      Principal: { AWS: READER },
      Action: 's3:GetObject',
      Resource: `${bucketArn}/*`,
    });
  });
});

describe.each(['preview', 'update'] as const)('SecureBucket logging to a bucket of another stack (%s)', (mode) => {
  it('takes the log target by name, as a StackReference output gives it, with no LogsBucket in this program', async () => {
    const result = await runProgram(
      () => {
        // The aws-cdk-lib IBucket idea: anything with a bucket name, here another stack's access-logs bucket.
        new SecureBucket('data', { kmsKeyArn: KEY_ARN, logsBucket: { bucketName: 'bulwark-dev-access-logs-k3x9q2' }, logPrefix: 'data/app-data/' });
      },
      { mode, config: componentTestConfig },
    );
    expect(resourcesOfType(result, 'bulwark:core:LogsBucket')).toEqual([]);
    const logging = onlyResourceOfType(result, 'aws:s3/bucketLogging:BucketLogging');
    expect(logging.inputs).toMatchObject({ targetBucket: 'bulwark-dev-access-logs-k3x9q2', targetPrefix: 'data/app-data/' });
    expect(logging.propertyDependencies.targetBucket ?? []).toEqual([]);
  });
});

describe('SecureBucket rejects at construction', () => {
  const logsBucket = { bucketName: 'never-reached' }; // validation runs before any registration

  it('an unconditioned Allow to a public principal', () => {
    expect(
      () =>
        new SecureBucket('open', {
          kmsKeyArn: KEY_ARN,
          logsBucket,
          policyStatements: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::open/*' }],
        }),
    ).toThrow(/SecureBucket "open": policy statement 0 allows a public principal without a condition/);
  });

  it.each([
    ['in a list', { AWS: ['*'] }],
    ['beside a named principal', { AWS: [READER, '*'] }],
  ])('an unconditioned Allow to a public principal %s', (_label, principal) => {
    expect(
      () =>
        new SecureBucket('open', {
          kmsKeyArn: KEY_ARN,
          logsBucket,
          policyStatements: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::open/*' }],
        }),
    ).toThrow(/SecureBucket "open": policy statement 0 allows a public principal without a condition/);
  });

  it('a statement that takes over the TLS-only Sid', () => {
    expect(
      () =>
        new SecureBucket('clash', {
          kmsKeyArn: KEY_ARN,
          logsBucket,
          policyStatements: [{ Sid: TLS_ONLY_STATEMENT_SID, Effect: 'Allow', Principal: { AWS: READER }, Action: 's3:GetObject' }],
        }),
    ).toThrow(/policy statement 0 reuses the Sid DenyInsecureTransport/);
  });
});
