// The demo pack's policies as plain objects, so tests can evaluate them in-process too (only index.js
// constructs the pack: a PolicyPack starts a server and keeps the process alive).
'use strict';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_VERSIONING = 'aws:s3/bucketVersioning:BucketVersioning';

module.exports = [
    {
      name: 'bucket-owner-tag',
      displayName: 'Buckets carry an Owner tag',
      description: 'Every S3 bucket carries an Owner tag.',
      enforcementLevel: 'mandatory',
      severity: 'medium',
      tags: ['service:s3', 'fsbp:S3.99'],
      remediationSteps: 'Add tags: { Owner: "<team>" } to the bucket.',
      url: 'https://example.com/rules#bucket-owner-tag',
      validateResource: (args, reportViolation) => {
        if (args.type !== BUCKET) return;
        const tags = args.props.tags;
        if (!tags || tags.Owner === undefined) reportViolation(`bucket "${args.name}" has no Owner tag: set tags.Owner`);
      },
    },
    {
      name: 'bucket-versioned',
      displayName: 'Buckets are versioned',
      description: 'Every S3 bucket has a BucketVersioning resource that enables versioning.',
      enforcementLevel: 'mandatory',
      severity: 'high',
      tags: ['service:s3', 'fsbp:S3.14', 'cis:2.1.3'],
      remediationSteps: 'Add an aws.s3.BucketVersioning with versioningConfiguration.status "Enabled".',
      validateStack: (args, reportViolation) => {
        const buckets = args.resources.filter((resource) => resource.type === BUCKET);
        const versionings = args.resources.filter((resource) => resource.type === BUCKET_VERSIONING);
        for (const bucket of buckets) {
          const linked = versionings.some((versioning) => (versioning.propertyDependencies.bucket || []).some((source) => source.urn === bucket.urn));
          if (!linked) reportViolation(`bucket "${bucket.name}" has no BucketVersioning`, bucket.urn);
        }
      },
    },
    {
      name: 'log-retention',
      displayName: 'Log groups keep logs long enough',
      description: 'Log groups keep logs at least minimumDays days.',
      enforcementLevel: 'advisory',
      severity: 'low',
      tags: ['service:cloudwatch', 'cis:3.99'],
      configSchema: { properties: { minimumDays: { type: 'integer', default: 90, description: 'Minimum retention.' } } },
      validateResource: (args, reportViolation) => {
        if (args.type !== 'aws:cloudwatch/logGroup:LogGroup') return;
        const { minimumDays } = args.getConfig();
        const days = args.props.retentionInDays;
        if (days === undefined || (days !== UNKNOWN && days < minimumDays)) {
          reportViolation(`retentionInDays is ${days === undefined ? 'not set' : days}: set it to ${minimumDays} or more`);
        }
      },
    },
    {
      name: 'stack-not-empty',
      description: 'A stack manages at least one resource.',
      enforcementLevel: 'disabled',
      validateStack: (args, reportViolation) => {
        if (!args.resources.some((resource) => resource.type !== 'pulumi:pulumi:Stack' && !resource.type.startsWith('pulumi:providers:'))) {
          reportViolation('the stack manages no resources');
        }
      },
    },
];
