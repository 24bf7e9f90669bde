/**
 * No bucket policy Allows everyone (Principal `*` / `{"AWS": "*"}`) without a condition tying the grant to an
 * account, organisation, source or network, and no bucket ACL is public (canned `public-read`,
 * `public-read-write`, `authenticated-read`, or a grant to the AllUsers / AuthenticatedUsers groups).
 */
import { describeStatement, isUnrestrictedPublicAllow, parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { listValue, pathValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_POLICY_TYPE, BUCKET_TYPES } from './bucket-companions';

const BUCKET_ACL_TYPES = ['aws:s3/bucketAcl:BucketAcl', 'aws:s3/bucketAclV2:BucketAclV2'];

const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_GRANTEE_GROUPS = ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'];

function publicGranteeUri(grant: unknown, uriPath: readonly string[]): string | undefined {
  const uri = stringValue(pathValue(grant, uriPath));
  return typeof uri === 'string' && PUBLIC_GRANTEE_GROUPS.includes(uri.trim()) ? uri : undefined;
}

export const s3BucketNoPublicPolicy = resourceRule({
  metadata: {
    id: 's3-bucket-no-public-policy',
    title: 'S3 bucket policies and ACLs do not grant public access',
    description:
      'A bucket policy statement that Allows Principal "*" (or {"AWS": "*"}) without a condition restricting it to ' +
      'an account, organisation, source ARN or VPC endpoint (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, ' +
      'aws:PrincipalAccount, aws:SourceVpce...) opens the bucket to the internet, as does a public canned ACL ' +
      '(public-read, public-read-write, authenticated-read) or an ACL grant to the AllUsers/AuthenticatedUsers groups.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.2', 'S3.3'] },
    resourceTypes: [...BUCKET_TYPES, BUCKET_POLICY_TYPE, ...BUCKET_ACL_TYPES],
    remediation:
      'Name the principals that need access (account roots, roles, service principals) instead of "*", or add a ' +
      'condition such as StringEquals aws:SourceAccount / aws:PrincipalOrgID. Use acl "private" (or none, with ' +
      'BucketOwnerEnforced ownership) and serve public content through CloudFront with origin access control.',
  },
  check: ({ args, report }) => {
    const isBucket = BUCKET_TYPES.includes(args.type);
    const isAcl = BUCKET_ACL_TYPES.includes(args.type);
    if (!isBucket && !isAcl && args.type !== BUCKET_POLICY_TYPE) return;
    const props = rawProps(args.props);

    if (isBucket || args.type === BUCKET_POLICY_TYPE) {
      // Unknown or invalid documents are skipped (see policy-document.ts): nothing public is decidable in them.
      for (const statement of statementsOf(parsePolicyDocument(props['policy']))) {
        if (isUnrestrictedPublicAllow(statement)) {
          report(
            `${args.name}: \`policy\` ${describeStatement(statement)} Allows Principal "*" with no restricting condition: ` +
              'name the principals, or add a condition on aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID.',
          );
        }
      }
    }

    if (isBucket || isAcl) {
      const acl = stringValue(props['acl']);
      if (typeof acl === 'string' && PUBLIC_CANNED_ACLS.has(acl.trim())) {
        report(`${args.name}: \`acl\` is "${acl}", a public canned ACL: use "private".`);
      }
    }

    // Explicit grants: inline `grants[].uri` on buckets, `accessControlPolicy.grants[].grantee.uri` on BucketAcl.
    const grants = isBucket ? listValue(props['grants']) : listValue(pathValue(props, ['accessControlPolicy', 'grants']));
    if (grants === UNDECIDED) return;
    for (const grant of grants) {
      const uri = publicGranteeUri(grant, isBucket ? ['uri'] : ['grantee', 'uri']);
      if (uri) {
        report(
          `${args.name}: \`${isBucket ? 'grants' : 'accessControlPolicy.grants'}\` grants access to the group ${uri}: ` +
            'remove the grant, or grant a specific account.',
        );
      }
    }
  },
});
