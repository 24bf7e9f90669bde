import * as fs from 'fs';
import * as path from 'path';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'application/javascript' };

const siteBucket = new aws.s3.Bucket('s3-website-bucket');
const website = new aws.s3.BucketWebsiteConfiguration('s3-website-bucket-config', {
  bucket: siteBucket.id,
  indexDocument: { suffix: 'index.html' },
});
const publicAccessBlock = new aws.s3.BucketPublicAccessBlock('public-access-block', { bucket: siteBucket.id, blockPublicAcls: false });

// Relative to the project directory, as Pulumi runs the program there.
const siteDir = 'www';
for (const item of fs.readdirSync(siteDir)) {
  const filePath = path.join(siteDir, item);
  new aws.s3.BucketObject(item, {
    bucket: siteBucket,
    source: new pulumi.asset.FileAsset(filePath),
    contentType: CONTENT_TYPES[path.extname(item)],
  });
}

new aws.s3.BucketPolicy(
  'bucketPolicy',
  {
    bucket: siteBucket.id,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [pulumi.interpolate`${siteBucket.arn}/*`] }],
    }),
  },
  { dependsOn: publicAccessBlock },
);

export const bucketName = siteBucket.bucket;
export const websiteUrl = website.websiteEndpoint;
