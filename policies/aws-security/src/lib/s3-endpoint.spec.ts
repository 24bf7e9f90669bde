import { isS3RestEndpoint } from './s3-endpoint';

describe('isS3RestEndpoint', () => {
  it.each([
    'assets.s3.amazonaws.com',
    'my.dotted.bucket.s3.eu-west-1.amazonaws.com',
    'assets.s3-us-west-2.amazonaws.com',
    'assets.s3-external-1.amazonaws.com',
    'assets.s3.dualstack.ap-southeast-2.amazonaws.com',
    'assets.s3.cn-north-1.amazonaws.com.cn',
    'assets.s3.us-gov-west-1.amazonaws.com',
    'media-123456789012.s3-object-lambda.us-east-1.amazonaws.com',
    'ASSETS.S3.AMAZONAWS.COM',
  ])('recognises the REST endpoint %s', (domain) => {
    expect(isS3RestEndpoint(domain)).toBe(true);
  });

  it.each([
    'assets.s3-website-us-east-1.amazonaws.com',
    'assets.s3-website.eu-west-1.amazonaws.com',
    's3.amazonaws.com',
    'example.com',
    'internal-alb-123.eu-west-1.elb.amazonaws.com',
    'assets.s3.amazonaws.com.attacker.example',
    '',
  ])('does not take %s for one', (domain) => {
    expect(isS3RestEndpoint(domain)).toBe(false);
  });
});
