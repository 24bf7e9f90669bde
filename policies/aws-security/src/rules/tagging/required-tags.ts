/**
 * required-tags: every taggable AWS resource carries the organisation's ownership tags (by default
 * `Environment`, `Owner`, `Project`). Untagged resources cannot be attributed for cost, incident response or
 * clean-up, and tag-based access control (ABAC) silently stops applying to them.
 *
 * A resource is taggable when its type's args take a `tags` map in @pulumi/aws (`src/lib/taggable-types.ts`,
 * generated from the package, so a resource that omits `tags` is still checked) or when it passes `tags`
 * anyway (types newer than the list). The provider's `defaultTags.tags` count, with the resource's own tags
 * winning for the same key, as the provider merges them. Values must be non-empty strings. A single tag value that
 * is unknown (preview) counts as present; an unknown tags map or provider `defaultTags` that leaves a required key
 * open is reported undecided. Only `aws:` resources are checked.
 */
import { describeValue, isUnknown, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { providerDefaultTags, tagMapValue, type TagMap } from '../../lib/tags';
import { TAGGABLE_TYPES } from '../../lib/taggable-types';

/** Types with a `tags` input that is not a resource's own tags (devopsguru's is a filter over other resources). */
const NOT_RESOURCE_TAGS = new Set(['aws:devopsguru/resourceCollection:ResourceCollection']);

export interface RequiredTagsConfig {
  readonly requiredTags: readonly string[];
}

function isTaggable(type: string, props: Record<string, unknown>): boolean {
  if (!type.startsWith('aws:') || NOT_RESOURCE_TAGS.has(type)) return false;
  return TAGGABLE_TYPES.has(type) || (props['tags'] !== undefined && props['tags'] !== null);
}

export const requiredTags = resourceRule<RequiredTagsConfig>({
  metadata: {
    id: 'required-tags',
    title: 'Taggable resources carry the required tags',
    description:
      'Every AWS resource that can be tagged must carry the required tags (`Environment`, `Owner` and `Project` ' +
      'by default, configurable), with non-empty values, either in its own `tags` or through the provider\'s ' +
      '`defaultTags`. Tags attribute cost and ownership, route incidents to the right team and drive tag-based ' +
      'access control.',
    severity: 'low',
    enforcementLevel: 'mandatory',
    service: 'tagging',
    controls: {},
    resourceTypes: [...TAGGABLE_TYPES],
    remediation:
      'Set the tags once on the provider (`new aws.Provider("...", { defaultTags: { tags: { Environment, Owner, ' +
      'Project } } })`, or the `aws:defaultTags` stack config for the default provider), or add them to the ' +
      'resource\'s `tags`; give each a non-empty value.',
    decisions: [
      'A resource is taggable when its type\'s args take `tags` in @pulumi/aws (a generated list), or when it passes ' +
        '`tags` anyway. The provider\'s `defaultTags.tags` count, the resource\'s own tags winning for the same key.',
      'Unknown values (first preview): a tag value computed from another resource (a name, an id) is a non-empty string ' +
        'once known, so it counts as present. An unknown `tags` map cannot remove a key the provider supplies (it is ' +
        'merged over the defaults), so only required keys neither the known tags nor the defaults supply are open: they ' +
        'are reported undecided on `tags`, or on `provider.defaultTags` when the provider\'s defaults are what is unknown. ' +
        'Known missing or empty keys are the resource\'s only verdict.',
    ],
  },
  configSchema: {
    properties: {
      requiredTags: {
        type: 'array',
        items: { type: 'string' },
        description: 'Tag keys every taggable resource must carry (case-sensitive, as AWS tag keys are).',
        default: ['Environment', 'Owner', 'Project'],
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    const props = rawProps(args.props);
    if (!isTaggable(args.type, props)) return;
    const ownTags = tagMapValue(props['tags']);
    const defaults = args.provider ? providerDefaultTags(args.provider.props) : undefined;
    const required = Array.isArray(config.requiredTags)
      ? config.requiredTags.filter((key): key is string => typeof key === 'string')
      : [];

    const missing: string[] = [];
    const empty: string[] = [];
    const open = new Set<string>();
    for (const key of required) {
      if (ownTags === UNDECIDED) {
        // An unknown map may set the key; it cannot remove one the provider supplies.
        const inherited = defaults === UNDECIDED ? undefined : defaults?.[key];
        const supplied = inherited !== undefined && inherited !== null && (isUnknown(inherited) || (typeof inherited === 'string' && inherited.trim() !== ''));
        if (!supplied) open.add('tags');
        continue;
      }
      const own: TagMap = ownTags ?? {};
      if (Object.prototype.hasOwnProperty.call(own, key) && own[key] !== undefined && own[key] !== null) {
        const value = own[key];
        if (!isUnknown(value) && (typeof value !== 'string' || value.trim() === '')) {
          empty.push(`\`tags.${key}\` is ${describeValue(value)}`);
        }
        continue;
      }
      // The resource does not set the key: the provider's default tags decide.
      if (defaults === UNDECIDED) {
        open.add('provider.defaultTags');
        continue;
      }
      const inherited = defaults?.[key];
      if (inherited === undefined || inherited === null) missing.push(key);
      else if (!isUnknown(inherited) && (typeof inherited !== 'string' || inherited.trim() === '')) {
        empty.push(`the provider's \`defaultTags.tags.${key}\` is ${describeValue(inherited)}`);
      }
    }

    const problems: string[] = [];
    if (missing.length > 0) {
      problems.push(
        `\`tags\` lacks ${missing.join(', ')} (and the provider's \`defaultTags\` do not supply ` +
          `${missing.length === 1 ? 'it' : 'them'}); add ${missing.length === 1 ? 'it' : 'them'} to the resource's ` +
          '`tags` or to the provider\'s `defaultTags.tags`',
      );
    }
    if (empty.length > 0) problems.push(`${empty.join(', ')}; required tags need a non-empty string value`);
    if (problems.length > 0) report(problems.join('\n'));
    else for (const part of open) undecided(part, `its value decides whether the resource carries ${required.join(', ')}`);
  },
});
