/**
 * The tag every bucket that must send S3 server access logs carries (`SecureBucket` sets it; a log target, which
 * cannot log into itself without an endless loop, does not). AWS Config's `s3-bucket-logging-enabled` has no way to
 * exclude log targets, only to scope evaluation to a tag, so the baseline scopes that rule to this tag
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_Scope.html).
 */
export const SERVER_ACCESS_LOGGING_TAG = { key: 'ServerAccessLogging', value: 'required' } as const;
