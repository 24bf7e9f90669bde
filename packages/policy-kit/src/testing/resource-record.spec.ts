import { resource } from './resource-record';

describe('resource', () => {
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'logs' }, { name: 'logs' });
  const policy = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: 'logs' }, { name: 'logs-policy' });

  it('records property dependencies per property and among the dependencies', () => {
    const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: 'logs' }, { name: 'audit', dependsOn: { s3BucketName: [bucket] } });
    expect(trail.propertyDependencies).toEqual({ s3BucketName: [bucket.urn] });
    expect(trail.dependencies).toEqual([bucket.urn]);
    expect(trail.options.dependsOn).toEqual([bucket.urn]);
  });

  it('records the dependsOn resource option among the dependencies only, as the engine does', () => {
    const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: 'logs' }, { name: 'audit', dependsOn: { s3BucketName: [bucket] }, explicitDependsOn: [policy, bucket] });
    expect(trail.propertyDependencies).toEqual({ s3BucketName: [bucket.urn] });
    expect(trail.dependencies).toEqual([policy.urn, bucket.urn]);
    expect(trail.options.dependsOn).toEqual([policy.urn, bucket.urn]);
  });

  it('names the resource under its parent type chain', () => {
    const component = resource('bulwark:core:SecureBucket', {}, { name: 'data' });
    expect(resource('aws:s3/bucket:Bucket', {}, { name: 'data', parent: component }).urn).toBe('urn:pulumi:test::test::bulwark:core:SecureBucket$aws:s3/bucket:Bucket::data');
  });
});
