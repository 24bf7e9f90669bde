import { dnsSuffixOf, formatArn, parseArn, partitionOf, PARTITIONS } from './arn';

describe('partitions', () => {
  it('places a region in its partition, with that partition’s DNS suffix', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(PARTITIONS.map(dnsSuffixOf)).toEqual(['amazonaws.com', 'amazonaws.com.cn', 'amazonaws.com']);
  });
});

describe('formatArn and parseArn', () => {
  it('write regional, global and account-less ARNs as AWS does', () => {
    expect(formatArn({ partition: 'aws', service: 'logs', region: 'eu-west-1', account: '111122223333', resource: 'log-group:*' })).toBe(
      'arn:aws:logs:eu-west-1:111122223333:log-group:*',
    );
    expect(formatArn({ partition: 'aws', service: 'iam', account: '111122223333', resource: 'root' })).toBe('arn:aws:iam::111122223333:root');
    expect(formatArn({ partition: 'aws-cn', service: 's3', resource: 'logs/*' })).toBe('arn:aws-cn:s3:::logs/*');
  });

  it('read the fields back, keeping the colons of the resource', () => {
    const text = 'arn:aws:logs:eu-west-1:111122223333:log-group:app:*';
    expect(parseArn(text)).toEqual({ partition: 'aws', service: 'logs', region: 'eu-west-1', account: '111122223333', resource: 'log-group:app:*' });
    expect(formatArn(parseArn(text) as NonNullable<ReturnType<typeof parseArn>>)).toBe(text);
    expect(parseArn('ARN:aws:s3:::bucket')).toMatchObject({ service: 's3', account: '', resource: 'bucket' });
  });

  it('refuse text that is not an ARN', () => {
    expect(parseArn('bucket-name')).toBeUndefined();
    expect(parseArn('arn:aws:s3')).toBeUndefined();
    expect(parseArn('urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::logs')).toBeUndefined();
  });
});
