import { runProgram, UNKNOWN } from '@bulwark/offline';
import { LogsBucket, S3_LOG_DELIVERY_STATEMENT_SID } from './logs-bucket';
import { TLS_ONLY_STATEMENT_SID } from './tls-only-bucket-policy';
import { componentTestConfig, onlyResourceOfType, policyDocumentOf, statementWithSid } from '../testing';

describe.each(['preview', 'update'] as const)('LogsBucket (%s)', (mode) => {
  const run = (program: () => unknown) => runProgram(program, { mode, config: componentTestConfig });

  it('builds a private, SSE-S3-encrypted (the only encryption S3 log delivery supports), versioned log target with expiring logs', async () => {
    const result = await run(() => {
      new LogsBucket('access-logs', { bucketName: 'bulwark-dev-access-logs-k3x9q2', expirationDays: 400 });
    });
    const component = onlyResourceOfType(result, 'bulwark:core:LogsBucket');
    const bucket = onlyResourceOfType(result, 'aws:s3/bucket:Bucket');
    expect(bucket.parent).toBe(component.urn);
    expect(bucket.inputs).toMatchObject({ bucket: 'bulwark-dev-access-logs-k3x9q2', forceDestroy: false });

    const linkedToBucket = (type: string) => {
      const child = onlyResourceOfType(result, type);
      expect(child.parent).toBe(component.urn);
      expect(child.propertyDependencies.bucket).toEqual([bucket.urn]);
      expect(child.inputs.bucket).toBe(mode === 'preview' ? UNKNOWN : bucket.id);
      return child.inputs;
    };
    expect(linkedToBucket('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(linkedToBucket('aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
    ]);
    expect(linkedToBucket('aws:s3/bucketVersioning:BucketVersioning').versioningConfiguration).toMatchObject({ status: 'Enabled' });
    expect(linkedToBucket('aws:s3/bucketOwnershipControls:BucketOwnershipControls').rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
    const lifecycleRules = linkedToBucket('aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').rules as Array<Record<string, unknown>>;
    expect(lifecycleRules[0]).toMatchObject({ status: 'Enabled', expiration: { days: 400 } });

    const policyInputs = linkedToBucket('aws:s3/bucketPolicy:BucketPolicy');
    // The policy names the bucket ARN built from the partition and bucket name, so it is known in a first-time
    // preview too (the provider's ARN output is not), and equals the provider's ARN once deployed.
    const bucketArn = `arn:aws:s3:::${String(bucket.inputs.bucket)}`;
    if (mode === 'update') expect(bucket.outputs.arn).toBe(bucketArn);
    const policy = policyDocumentOf(policyInputs.policy);
    expect(statementWithSid(policy, S3_LOG_DELIVERY_STATEMENT_SID)).toEqual({
      Sid: S3_LOG_DELIVERY_STATEMENT_SID,
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${bucketArn}/*`,
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    });
    expect(statementWithSid(policy, TLS_ONLY_STATEMENT_SID)).toEqual({
      Sid: TLS_ONLY_STATEMENT_SID,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const policyRecord = onlyResourceOfType(result, 'aws:s3/bucketPolicy:BucketPolicy');
    expect(policyRecord.options.dependsOn).toContain(onlyResourceOfType(result, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').urn);
  });

  it('restricts delivery to named source buckets when given', async () => {
    const result = await run(() => {
      new LogsBucket('access-logs', { sourceBucketArns: ['arn:aws:s3:::bulwark-dev-data-k3x9q2'] });
    });
    const policy = onlyResourceOfType(result, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy;
    expect(statementWithSid(policyDocumentOf(policy), S3_LOG_DELIVERY_STATEMENT_SID).Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::bulwark-dev-data-k3x9q2'] },
    });
  });
});

describe('LogsBucket rejects', () => {
  it('log retention under 90 days, before registering anything', () => {
    expect(() => new LogsBucket('short', { expirationDays: 30 })).toThrow(
      'LogsBucket "short": expirationDays 30 must be a whole number of days, at least 90',
    );
  });
});
