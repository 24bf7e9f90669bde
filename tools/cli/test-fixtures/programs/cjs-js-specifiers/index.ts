import * as aws from '@pulumi/aws';
import { OBJECT_ACL } from './acl.js';

const bucket = new aws.s3.Bucket('content');
new aws.s3.BucketAcl('content', { bucket: bucket.id, acl: OBJECT_ACL });
export const bucketName = bucket.bucket;
