/**
 * The account password policy requires long, complex, non-reused passwords that expire: minimum length >= 14,
 * upper/lower case, numbers and symbols, reuse prevention >= 24, maximum age <= 90 days (all configurable).
 */
import { boolValue, numberValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const PASSWORD_POLICY_TYPE = 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy';

export interface PasswordPolicyConfig {
  readonly minimumPasswordLength: number;
  readonly passwordReusePrevention: number;
  readonly maxPasswordAge: number;
  readonly requireUppercaseCharacters: boolean;
  readonly requireLowercaseCharacters: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

const REQUIREMENT_FLAGS = ['requireUppercaseCharacters', 'requireLowercaseCharacters', 'requireNumbers', 'requireSymbols'] as const;

export const iamPasswordPolicy = resourceRule<PasswordPolicyConfig>({
  metadata: {
    id: 'iam-password-policy',
    title: 'The account password policy is strong',
    description:
      'The AccountPasswordPolicy must require a minimum length of at least 14, upper and lower case letters, numbers ' +
      'and symbols, prevent reuse of the last 24 passwords and expire passwords within 90 days (thresholds configurable).',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.7', 'IAM.15', 'IAM.16'], cis: ['1.8', '1.9'] },
    resourceTypes: [PASSWORD_POLICY_TYPE],
    remediation:
      'On the aws.iam.AccountPasswordPolicy set minimumPasswordLength >= 14, requireUppercaseCharacters, ' +
      'requireLowercaseCharacters, requireNumbers and requireSymbols true, passwordReusePrevention >= 24 and ' +
      'maxPasswordAge between 1 and 90.',
    decisions: [
      'An absent threshold or requirement is what AWS applies without it: minimum length 8, no reuse prevention, no ' +
        'expiry (a `maxPasswordAge` of 0 or absent never expires), no character classes; each violates the defaults above.',
      'Unknown values (first preview): when nothing is decidedly too weak, each unknown setting is reported undecided; a ' +
        'decided weakness is the policy\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
  },
  configSchema: {
    properties: {
      minimumPasswordLength: { type: 'number', description: 'The smallest allowed minimumPasswordLength.', default: 14 },
      passwordReusePrevention: { type: 'number', description: 'The smallest allowed passwordReusePrevention.', default: 24 },
      maxPasswordAge: { type: 'number', description: 'The largest allowed maxPasswordAge, in days (unset or 0 never expires).', default: 90 },
      requireUppercaseCharacters: { type: 'boolean', description: 'Require requireUppercaseCharacters true.', default: true },
      requireLowercaseCharacters: { type: 'boolean', description: 'Require requireLowercaseCharacters true.', default: true },
      requireNumbers: { type: 'boolean', description: 'Require requireNumbers true.', default: true },
      requireSymbols: { type: 'boolean', description: 'Require requireSymbols true.', default: true },
    },
  },
  check: ({ args, config, report, undecided }) => {
    if (args.type !== PASSWORD_POLICY_TYPE) return;
    const props = rawProps(args.props);
    const problems: string[] = [];
    const unknown: string[] = [];
    const atLeast = (property: 'minimumPasswordLength' | 'passwordReusePrevention') => {
      const value = numberValue(props[property]);
      if (value === UNDECIDED) {
        unknown.push(property);
        return;
      }
      if (value === undefined || value < config[property]) {
        problems.push(`\`${property}\` is ${value ?? 'unset'}, set it to at least ${config[property]}`);
      }
    };
    atLeast('minimumPasswordLength');
    atLeast('passwordReusePrevention');
    const maxAge = numberValue(props['maxPasswordAge']);
    if (maxAge === UNDECIDED) unknown.push('maxPasswordAge');
    if (maxAge !== UNDECIDED && (maxAge === undefined || maxAge <= 0 || maxAge > config.maxPasswordAge)) {
      problems.push(`\`maxPasswordAge\` is ${maxAge === undefined || maxAge <= 0 ? `${maxAge ?? 'unset'} (passwords never expire)` : maxAge}, set it to between 1 and ${config.maxPasswordAge}`);
    }
    for (const flag of REQUIREMENT_FLAGS) {
      if (!config[flag]) continue;
      const value = boolValue(props[flag]);
      if (value === UNDECIDED) unknown.push(flag);
      else if (value !== true) problems.push(`\`${flag}\` is ${value === false ? 'false' : 'unset'}, set it to true`);
    }
    if (problems.length > 0) report(`${args.name}: ${problems.join('; ')}.`);
    else for (const property of unknown) undecided(property, 'its value decides whether the password policy is strong enough');
  },
});
