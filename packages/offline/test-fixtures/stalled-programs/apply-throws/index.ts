import * as aws from '@pulumi/aws';

const bucket = new aws.s3.Bucket('site');
const owner = bucket.bucket.apply((name): string => {
  throw new Error(`no owner for ${name}`);
});
const logs = new aws.s3.Bucket('logs', { tags: { Owner: owner } });
export const logsArn = logs.arn;
