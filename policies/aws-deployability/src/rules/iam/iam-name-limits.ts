/**
 * IAM names as IAM's quotas page and API reference state them: role and user names of at most 64 characters,
 * policy, group and instance profile names of at most 128, all of `[A-Za-z0-9+=,.@_-]`; a `namePrefix` leaves room
 * for the provider's 26-character suffix (38 for roles); paths start and end with `/`. Longer names fail with a
 * ValidationError and the stack stops there.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, type NameRule, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const IAM_CHARACTERS = 'A-Za-z0-9+=,.@_-';
const rule = (what: string, max: number): NameRule => ({ what, min: 1, max, characters: IAM_CHARACTERS });

const NAMED: readonly NamedInput[] = [
  { type: 'aws:iam/role:Role', property: 'name', prefixProperty: 'namePrefix', rule: rule('IAM role name', 64) },
  { type: 'aws:iam/user:User', property: 'name', rule: rule('IAM user name', 64) },
  { type: 'aws:iam/policy:Policy', property: 'name', prefixProperty: 'namePrefix', rule: rule('IAM policy name', 128) },
  { type: 'aws:iam/group:Group', property: 'name', rule: rule('IAM group name', 128) },
  { type: 'aws:iam/instanceProfile:InstanceProfile', property: 'name', prefixProperty: 'namePrefix', rule: rule('IAM instance profile name', 128) },
];

export const iamNameLimits = resourceRule({
  metadata: {
    id: 'iam-name-limits',
    title: 'IAM names fit IAM\'s length and character limits',
    description:
      'Role and user names hold at most 64 characters, policy, group and instance profile names at most 128, of ' +
      'letters, digits and +=,.@_-; a namePrefix must leave room for the provider\'s 26-character suffix; a path starts ' +
      'and ends with a slash. IAM refuses anything else with a ValidationError.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: {},
    resourceTypes: NAMED.map((input) => input.type),
    remediation: 'Shorten the name (core\'s physicalName truncates to the service limit) or the prefix.',
    references: [AWS_DOCS.iamNameLimits, AWS_DOCS.iamCreateRole],
  },
  check: ({ args, report, undecided }) => {
    const props = rawProps(args.props);
    checkNamedInputs(NAMED, args.type, props, report, undecided, stringValue);
    const path = stringValue(props['path']);
    if (typeof path === 'string' && NAMED.some((input) => input.type === args.type) && !/^\/([\x21-\x7e]*\/)?$/.test(path)) {
      report(`IAM path "${path}" must start and end with "/" and hold printable ASCII characters only.`);
    }
  },
});
