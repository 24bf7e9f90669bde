import { engineUrn, parseUrn, providerUrnOf, urnName } from './urn';

const stackUrn = 'urn:pulumi:dev::data::pulumi:pulumi:Stack::data-dev';

describe('engineUrn', () => {
  it('gives children of the root stack their own type', () => {
    expect(engineUrn('dev', 'data', 'aws:s3/bucketV2:BucketV2', 'logs', stackUrn)).toBe('urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::logs');
    expect(engineUrn('dev', 'data', 'pulumi:pulumi:Stack', 'data-dev')).toBe(stackUrn);
  });

  it("prefixes a component's children with the component's qualified type chain", () => {
    const component = engineUrn('dev', 'data', 'bulwark:core:SecureBucket', 'site', stackUrn);
    const bucket = engineUrn('dev', 'data', 'aws:s3/bucketV2:BucketV2', 'site', component);
    expect(bucket).toBe('urn:pulumi:dev::data::bulwark:core:SecureBucket$aws:s3/bucketV2:BucketV2::site');
    expect(engineUrn('dev', 'data', 'aws:s3/bucketPolicy:BucketPolicy', 'p', bucket)).toBe(
      'urn:pulumi:dev::data::bulwark:core:SecureBucket$aws:s3/bucketV2:BucketV2$aws:s3/bucketPolicy:BucketPolicy::p',
    );
  });

  it('refuses a parent that is not a URN', () => {
    expect(() => engineUrn('dev', 'data', 'aws:s3/bucketV2:BucketV2', 'logs', 'logs')).toThrow('not a Pulumi URN: logs');
  });
});

describe('parseUrn and urnName', () => {
  it('split a URN into stack, project, types and name', () => {
    expect(parseUrn('urn:pulumi:dev::data::bulwark:core:SecureBucket$aws:s3/bucketV2:BucketV2::site')).toEqual({
      stack: 'dev',
      project: 'data',
      qualifiedType: 'bulwark:core:SecureBucket$aws:s3/bucketV2:BucketV2',
      type: 'aws:s3/bucketV2:BucketV2',
      name: 'site',
    });
  });

  it('keep a name that contains the delimiter whole, as the engine reads it', () => {
    expect(urnName('urn:pulumi:dev::data::aws:s3/bucketV2:BucketV2::a::b')).toBe('a::b');
  });

  it('are undefined for text that is not a URN', () => {
    expect(parseUrn('arn:aws:s3:::bucket')).toBeUndefined();
    expect(urnName('urn:pulumi:dev::data')).toBeUndefined();
    expect(urnName('')).toBeUndefined();
  });
});

describe('providerUrnOf', () => {
  it('drops the provider id from a provider reference', () => {
    const provider = 'urn:pulumi:dev::data::pulumi:providers:aws::default_7_0_0';
    expect(providerUrnOf(`${provider}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`)).toBe(provider);
  });
});
