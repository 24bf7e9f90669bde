/**
 * Elastic Load Balancing v2 names (CreateLoadBalancer / CreateTargetGroup API references): at most 32 alphanumeric
 * characters or hyphens, not beginning or ending with a hyphen; a load balancer name does not begin with
 * `internal-`. A `namePrefix` may hold at most 6 characters. Longer names fail the create call, a common surprise
 * with generated names.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, type NameRule, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const ELB_NAME: Omit<NameRule, 'what'> = { min: 1, max: 32, characters: 'A-Za-z0-9-', hyphens: ['leading', 'trailing'] };
const NAMED: readonly NamedInput[] = [
  { type: 'aws:lb/loadBalancer:LoadBalancer', property: 'name', prefixProperty: 'namePrefix', rule: { ...ELB_NAME, what: 'load balancer name', reservedPrefixes: ['internal-'] } },
  { type: 'aws:lb/targetGroup:TargetGroup', property: 'name', prefixProperty: 'namePrefix', rule: { ...ELB_NAME, what: 'target group name' } },
];

export const elbNames = resourceRule({
  metadata: {
    id: 'elb-names',
    title: 'Load balancer and target group names fit in 32 characters',
    description: 'Load balancer and target group names hold at most 32 letters, digits or hyphens, neither beginning nor ending with a hyphen (a load balancer not beginning with "internal-"); a namePrefix at most 6.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'elb',
    controls: {},
    resourceTypes: NAMED.map((input) => input.type),
    remediation: 'Shorten the name to 32 characters, or let the provider auto-name with a prefix of at most 6 characters.',
    references: [AWS_DOCS.elbLoadBalancerNaming, AWS_DOCS.elbNaming],
  },
  check: ({ args, report, undecided }) => checkNamedInputs(NAMED, args.type, rawProps(args.props), report, undecided, stringValue),
});
