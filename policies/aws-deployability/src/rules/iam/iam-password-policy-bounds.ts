/**
 * The account password policy's bounds (UpdateAccountPasswordPolicy API reference): MinimumPasswordLength 6 to
 * 128, MaxPasswordAge 1 to 1095 days, PasswordReusePrevention 1 to 24. IAM refuses other values, so a policy that
 * asks for "remember the last 30 passwords" fails to deploy and the account keeps its old policy.
 */
import { numberValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { AWS_DOCS } from '../../lib/references';

const POLICY = 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy';
const BOUNDS: Record<string, readonly [number, number]> = {
  minimumPasswordLength: [6, 128],
  maxPasswordAge: [1, 1095],
  passwordReusePrevention: [1, 24],
};

export const iamPasswordPolicyBounds = resourceRule({
  metadata: {
    id: 'iam-password-policy-bounds',
    title: 'The password policy stays within what IAM accepts',
    description: 'minimumPasswordLength is 6-128, maxPasswordAge 1-1095 days and passwordReusePrevention 1-24; IAM refuses other values and the account keeps its previous policy.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: {},
    resourceTypes: [POLICY],
    remediation: 'Keep each setting within its bound (the strictest accepted: length 128, age 1, reuse 24).',
    references: [AWS_DOCS.iamPasswordPolicy],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== POLICY) return;
    const props = rawProps(args.props);
    for (const [property, [min, max]] of Object.entries(BOUNDS)) {
      const value = numberValue(props[property]);
      if (value === UNDECIDED) undecided(property, 'a value outside IAM\'s bounds fails the deploy');
      else if (value !== undefined && (value < min || value > max)) report(`Password policy ${args.name}: ${property} ${value} is outside ${min}-${max}, which IAM refuses.`);
    }
  },
});
