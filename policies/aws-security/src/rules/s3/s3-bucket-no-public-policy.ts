/**
 * No bucket policy Allows everyone (Principal `*` / `{"AWS": "*"}`) without a condition tying the grant to an
 * account, organisation, source or network, and no bucket ACL is public (canned `public-read`,
 * `public-read-write`, `authenticated-read`, or a grant to the AllUsers / AuthenticatedUsers groups).
 *
 * Undecided (advisory, see @bulwark/policy-kit): when nothing public is decidable but a value that could make the
 * bucket public is unknown in this mode (a policy built from `bucket.arn` in a first preview, an unknown principal,
 * effect or condition block of an Allow, an unknown ACL or grant list), the rule names that property.
 */
import { isUnknown, listValue, pathValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { PUBLIC_PRINCIPAL_DECISIONS, PUBLIC_PRINCIPAL_REFERENCES, publicDocumentVerdict } from '../../lib/public-statements';
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
    decisions: [
      ...PUBLIC_PRINCIPAL_DECISIONS,
      'Bucket policies are reached by anonymous callers, so principal keys (aws:PrincipalAccount, aws:PrincipalArn) ' +
        'restrict only without `IfExists`. The inline `policy` of Bucket/BucketV2 and BucketPolicy resources are ' +
        'judged alike; an unknown `acl`, `grants` list or grant URI is reported undecided.',
    ],
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.2', 'S3.3'] },
    resourceTypes: [...BUCKET_TYPES, BUCKET_POLICY_TYPE, ...BUCKET_ACL_TYPES],
    remediation:
      'Name the principals that need access (account roots, roles, service principals) instead of "*", or add a ' +
      'condition such as StringEquals aws:SourceAccount / aws:PrincipalOrgID. Use acl "private" (or none, with ' +
      'BucketOwnerEnforced ownership) and serve public content through CloudFront with origin access control.',
    references: [
      ...PUBLIC_PRINCIPAL_REFERENCES,
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    ],
  },
  check: ({ args, report, undecided }) => {
    const isBucket = BUCKET_TYPES.includes(args.type);
    const isAcl = BUCKET_ACL_TYPES.includes(args.type);
    if (!isBucket && !isAcl && args.type !== BUCKET_POLICY_TYPE) return;
    const props = rawProps(args.props);
    let violations = 0;
    const undecidedParts: string[] = [];

    if (isBucket || args.type === BUCKET_POLICY_TYPE) {
      const verdict = publicDocumentVerdict(props['policy'], 'policy');
      for (const { statement, why } of verdict.publicStatements) {
        violations++;
        report(
          `${args.name}: \`policy\` ${statement} Allows Principal "*" with no restricting condition${why}: ` +
            'name the principals, or add a condition on aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID with a value that names them.',
        );
      }
      undecidedParts.push(...verdict.undecidedParts);
    }

    if (isBucket || isAcl) {
      const acl = stringValue(props['acl']);
      if (typeof acl === 'string' && PUBLIC_CANNED_ACLS.has(acl.trim())) {
        violations++;
        report(`${args.name}: \`acl\` is "${acl}", a public canned ACL: use "private".`);
      } else if (acl === UNDECIDED) {
        undecidedParts.push('acl');
      }
    }

    // Explicit grants: inline `grants[].uri` on buckets, `accessControlPolicy.grants[].grantee.uri` on BucketAcl.
    const grantsPath = isBucket ? 'grants' : 'accessControlPolicy.grants';
    const grants = isBucket ? listValue(props['grants']) : listValue(pathValue(props, ['accessControlPolicy', 'grants']));
    if (grants === UNDECIDED) {
      undecidedParts.push(isUnknown(props['accessControlPolicy']) ? 'accessControlPolicy' : grantsPath);
    } else {
      grants.forEach((grant, index) => {
        const uriPath = isBucket ? ['uri'] : ['grantee', 'uri'];
        const uri = publicGranteeUri(grant, uriPath);
        if (uri) {
          violations++;
          report(`${args.name}: \`${grantsPath}\` grants access to the group ${uri}: remove the grant, or grant a specific account.`);
        } else if (isUnknown(grant) || isUnknown(pathValue(grant, uriPath))) {
          undecidedParts.push(`${grantsPath}[${index}]`);
        }
      });
    }

    // A decided violation is the verdict; otherwise every unknown that could make the bucket public is named.
    if (violations > 0) return;
    for (const part of new Set(undecidedParts)) undecided(part, 'its value decides whether the bucket is open to everyone');
  },
});
