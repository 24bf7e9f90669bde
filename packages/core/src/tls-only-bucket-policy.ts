import { type PolicyStatementDocument } from './policy-document';

/** The Sid of the statement that refuses plain-HTTP requests, so callers and tests can find it. */
export const TLS_ONLY_STATEMENT_SID = 'DenyInsecureTransport';

/**
 * Denies every S3 request to the bucket and its objects that does not arrive over TLS. `Bool` (not
 * `BoolIfExists`) on aws:SecureTransport is right here: S3 always sets the key, and it is what FSBP S3.5 expects.
 */
export function tlsOnlyStatement(bucketArn: string): PolicyStatementDocument {
  return {
    Sid: TLS_ONLY_STATEMENT_SID,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
