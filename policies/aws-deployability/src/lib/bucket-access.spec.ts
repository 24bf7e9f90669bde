import { logDeliveryRequests } from './bucket-access';

describe('logDeliveryRequests', () => {
  const delivery = { service: 'config.amazonaws.com', bucketArn: 'arn:aws:s3:::logs', key: 'AWSLogs/111122223333/Config/x.json.gz' };

  it('asks for the bucket ACL and to put the key with bucket-owner-full-control, over TLS, with the context given', () => {
    expect(logDeliveryRequests({ ...delivery, prefix: undefined, context: { 'aws:SourceAccount': '111122223333' } })).toEqual([
      {
        principal: { kind: 'service', service: 'config.amazonaws.com' },
        action: 's3:GetBucketAcl',
        resource: 'arn:aws:s3:::logs',
        context: { 'aws:SourceAccount': '111122223333', 'aws:SecureTransport': 'true' },
      },
      {
        principal: { kind: 'service', service: 'config.amazonaws.com' },
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::logs/AWSLogs/111122223333/Config/x.json.gz',
        context: { 'aws:SourceAccount': '111122223333', 'aws:SecureTransport': 'true', 's3:x-amz-acl': 'bucket-owner-full-control' },
      },
    ]);
  });

  it('puts the key under the prefix, a trailing slash dropped', () => {
    for (const prefix of ['audit', 'audit/', 'audit//']) {
      expect(logDeliveryRequests({ ...delivery, prefix, context: {} })[1]?.resource).toBe('arn:aws:s3:::logs/audit/AWSLogs/111122223333/Config/x.json.gz');
    }
    expect(logDeliveryRequests({ ...delivery, prefix: '', context: {} })[1]?.resource).toBe('arn:aws:s3:::logs/AWSLogs/111122223333/Config/x.json.gz');
  });
});
