/**
 * Recognising Amazon S3 REST endpoints by host name, e.g. to tell a CloudFront S3 origin from a custom one.
 * Website endpoints (`bucket.s3-website-<region>...`, `bucket.s3-website.<region>...`) are deliberately not
 * REST endpoints: they serve only public content and cannot use origin access control.
 */

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';

const S3_REST_ENDPOINT = new RegExp(
  '^.+\\.(?:' +
    // bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3.dualstack.<region>.amazonaws.com
    `s3(?:\\.dualstack)?(?:\\.${REGION})?` +
    // legacy dash-region endpoints: bucket.s3-<region>.amazonaws.com, bucket.s3-external-1.amazonaws.com
    `|s3-${REGION}|s3-external-1` +
    // S3 Object Lambda access points, which also take origin access control
    `|s3-object-lambda\\.${REGION}` +
    ')\\.amazonaws\\.com(?:\\.cn)?\\.?$',
  'i',
);

/** True when `domainName` is the REST endpoint of an S3 bucket, access point or Object Lambda access point. */
export function isS3RestEndpoint(domainName: string): boolean {
  return S3_REST_ENDPOINT.test(domainName.trim());
}
