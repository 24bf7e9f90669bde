import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { configureACL } from './acl.js';

const config = new pulumi.Config();
const targetDomain = config.require('targetDomain');
const programDirectory = path.dirname(fileURLToPath(import.meta.url));

const contentBucket = new aws.s3.Bucket(`${targetDomain}-content`);
for (const file of fs.readdirSync(path.join(process.cwd(), 'www'))) {
  new aws.s3.BucketObject(file, {
    bucket: contentBucket.bucket,
    key: file,
    source: new pulumi.asset.FileAsset(path.join(programDirectory, 'www', file)),
    acl: configureACL(false),
    contentType: 'text/html',
  });
}

// Top-level await: the zone the site's records go in.
const domainParts = targetDomain.split('.');
const zone = await aws.route53.getZone({ name: domainParts.slice(1).join('.') });
new aws.route53.Record(targetDomain, { zoneId: zone.zoneId, name: domainParts[0] ?? targetDomain, type: 'CNAME', ttl: 300, records: [contentBucket.bucketRegionalDomainName] });

export const contentBucketName = contentBucket.bucket;
export const zoneId = zone.zoneId;
