/**
 * S3 general purpose bucket names (the bucket naming rules page): 3 to 63 characters of lowercase letters, digits,
 * dots and hyphens; beginning and ending with a letter or digit; no two adjacent dots; not formatted as an IP
 * address; not starting with `xn--`, `sthree-` or `amzn-s3-demo-`, not ending with `-s3alias`, `--ol-s3`, `.mrap`,
 * `--x-s3` or `--table-s3`. `CreateBucket` refuses any other name (InvalidBucketName). A `bucketPrefix` leaves
 * room for the provider's 26-character suffix, so it may hold at most 37 characters.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, type NameRule, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const BUCKET_TYPES = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'];

const BUCKET_NAME: NameRule = {
  what: 'S3 bucket name',
  min: 3,
  max: 63,
  characters: 'a-z0-9.-',
  ends: 'lowercase-letter-or-digit',
  noAdjacentDots: true,
  noIpAddress: true,
  reservedPrefixes: ['xn--', 'sthree-', 'amzn-s3-demo-'],
  reservedSuffixes: ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'],
  createCall: 'CreateBucket',
};
const NAMED: readonly NamedInput[] = BUCKET_TYPES.map((type) => ({ type, property: 'bucket', prefixProperty: 'bucketPrefix', rule: BUCKET_NAME }));

export const s3BucketName = resourceRule({
  metadata: {
    id: 's3-bucket-name',
    title: 'S3 bucket names follow the bucket naming rules',
    description:
      'A bucket name must be 3-63 lowercase letters, digits, dots and hyphens, begin and end with a letter or digit, ' +
      'hold no adjacent dots, not look like an IP address and avoid the reserved prefixes and suffixes; a bucketPrefix ' +
      'must leave room for the provider\'s 26-character suffix. CreateBucket refuses anything else.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: {},
    resourceTypes: BUCKET_TYPES,
    remediation: 'Build bucket names with core\'s physicalName (lowercase, within 63 characters) or shorten the prefix.',
    references: [AWS_DOCS.s3BucketNaming],
  },
  check: ({ args, report, undecided }) => checkNamedInputs(NAMED, args.type, rawProps(args.props), report, undecided, stringValue),
});
