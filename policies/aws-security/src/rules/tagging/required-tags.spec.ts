import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { requiredTags } from './required-tags';

const BUCKET = 'aws:s3/bucketV2:BucketV2';
const complete = { Environment: 'prod', Owner: 'platform', Project: 'bulwark' };

function provider(defaultTags: unknown, name = 'tagged') {
  return resource('pulumi:providers:aws', { region: 'us-east-1', ...(defaultTags === undefined ? {} : { defaultTags }) }, { name });
}

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

describe('required-tags', () => {
  it('Compliance: the resource carries every required tag', async () => {
    expect(await evaluate(requiredTags, [resource(BUCKET, { tags: complete })])).toEqual([]);
  });

  it('Compliance: the provider defaultTags supply them (JSON text as the aws provider sends it, or an object)', async () => {
    const asJson = provider(JSON.stringify({ tags: complete }));
    const asObject = provider({ tags: { Environment: 'prod', Owner: 'platform' } }, 'object');
    expect(await evaluate(requiredTags, [asJson, resource(BUCKET, {}, { provider: asJson })])).toEqual([]);
    const mixed = resource(BUCKET, { tags: { Project: 'bulwark' } }, { provider: asObject });
    expect(await evaluate(requiredTags, [asObject, mixed])).toEqual([]);
  });

  it('Compliance: non-taggable and non-aws resources are not checked; requiredTags is configurable', async () => {
    const records = [
      resource('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', { bucket: 'b' }),
      resource('pulumi:providers:aws', { region: 'us-east-1' }),
      resource('random:index/randomId:RandomId', { tags: {} }),
      resource('aws:devopsguru/resourceCollection:ResourceCollection', { type: 'AWS_TAGS', tags: { appBoundaryKey: 'x' } }),
    ];
    expect(await evaluate(requiredTags, records)).toEqual([]);
    const config = { 'required-tags': { requiredTags: ['CostCentre'] } };
    expect(await evaluate(requiredTags, [resource(BUCKET, { tags: { CostCentre: '42' } })], { config })).toEqual([]);
  });

  it('Noncompliance 1: a taggable resource that omits tags entirely', async () => {
    const bucket = resource(BUCKET, { bucket: 'data' });
    const findings = await evaluate(requiredTags, [bucket]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'required-tags', enforcement: 'mandatory', urn: bucket.urn });
    expect(reported(findings[0])).toBe(
      "`tags` lacks Environment, Owner, Project (and the provider's `defaultTags` do not supply them); add them to " +
        "the resource's `tags` or to the provider's `defaultTags.tags`",
    );
  });

  it('Noncompliance 2: some tags missing even with provider defaults; key case matters', async () => {
    const partial = provider(JSON.stringify({ tags: { Environment: 'prod' } }));
    const bucket = resource(BUCKET, { tags: { owner: 'platform' } }, { provider: partial });
    const [finding, ...rest] = await evaluate(requiredTags, [partial, bucket]);
    expect(rest).toEqual([]);
    expect(reported(finding)).toMatch(/^`tags` lacks Owner, Project \(/);
  });

  it('Noncompliance 3: empty or non-string values, on the resource or in the provider defaults', async () => {
    const emptyDefault = provider(JSON.stringify({ tags: { Owner: '  ' } }));
    const bucket = resource(BUCKET, { tags: { Environment: '', Project: 'bulwark' } }, { provider: emptyDefault });
    const [finding] = await evaluate(requiredTags, [emptyDefault, bucket]);
    expect(reported(finding)).toBe(
      '`tags.Environment` is "", the provider\'s `defaultTags.tags.Owner` is "  "; required tags need a non-empty string value',
    );
  });

  it('Noncompliance 4: a type outside the generated list that passes tags (list-shaped autoscaling tags too)', async () => {
    const future = resource('aws:newservice/widget:Widget', { tags: { Environment: 'prod' } });
    const group = resource('aws:autoscaling/group:Group', {
      tags: [{ key: 'Environment', value: 'prod', propagateAtLaunch: true }, { key: 'Owner', value: 'platform', propagateAtLaunch: true }],
    });
    const findings = await evaluate(requiredTags, [future, group]);
    expect(findings.map((finding) => [finding.urn, reported(finding).split(' (')[0]])).toEqual([
      [future.urn, '`tags` lacks Owner, Project'],
      [group.urn, '`tags` lacks Project'],
    ]);
  });

  it('Preview: unknown tag maps and provider defaults are undecided unless the known tags settle it; unknown values count', async () => {
    const unknownDefaults = provider(UNKNOWN_VALUE);
    const unknownMap = resource(BUCKET, { tags: UNKNOWN_VALUE });
    const fromUnknownDefaults = resource(BUCKET, {}, { provider: unknownDefaults });
    const unknownBlocks = resource('aws:autoscaling/group:Group', { tags: [UNKNOWN_VALUE] });
    const records = [
      unknownMap,
      resource(BUCKET, { tags: { Environment: UNKNOWN_VALUE, Owner: 'platform', Project: 'bulwark' } }),
      unknownDefaults,
      fromUnknownDefaults,
      unknownBlocks,
    ];
    const open = await evaluate(requiredTags, records);
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownMap.urn, 'tags'],
      [fromUnknownDefaults.urn, 'provider.defaultTags'],
      [unknownBlocks.urn, 'tags'],
    ]);
    // An unknown map over provider defaults that supply every required tag is decided.
    const defaults = provider(JSON.stringify({ tags: { Environment: 'dev', Owner: 'platform', Project: 'bulwark' } }));
    expect(await evaluate(requiredTags, [defaults, resource(BUCKET, { tags: UNKNOWN_VALUE }, { provider: defaults })])).toEqual([]);
    // A value known to be empty is reported even when the provider defaults are unknown.
    const bucket = resource(BUCKET, { tags: { Environment: '' } }, { provider: unknownDefaults });
    const findings = await evaluate(requiredTags, [unknownDefaults, bucket]);
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcement).toBe('mandatory');
    expect(reported(findings[0])).toBe('`tags.Environment` is ""; required tags need a non-empty string value');
  });

  it('never throws on wrong-typed tags or defaultTags', async () => {
    const odd = provider('{not json');
    const records = [odd, resource(BUCKET, { tags: 'Environment=prod' }, { provider: odd }), resource(BUCKET, { tags: [1, null] })];
    const findings = await evaluate(requiredTags, records);
    expect(findings).toHaveLength(2);
  });

  describe('on a real program', () => {
    function program() {
      // Default provider: tags from the `aws:defaultTags` stack config; an explicit provider with its own defaults.
      new aws.s3.Bucket('inherits', {});
      new aws.s3.Bucket('overrides', { tags: { Owner: '' } });
      const untagged = new aws.Provider('untagged', { region: 'eu-west-1' });
      new aws.ec2.Vpc('bare', { cidrBlock: '10.0.0.0/16' }, { provider: untagged });
      const tagged = new aws.Provider('tagged', { region: 'eu-west-1', defaultTags: { tags: complete } });
      new aws.ec2.Vpc('covered', { cidrBlock: '10.1.0.0/16' }, { provider: tagged });
    }

    it.each(['preview', 'update'] as const)('reads provider defaultTags the same way in %s mode', async (mode) => {
      const stackConfig = { 'aws:region': 'us-east-1', 'aws:defaultTags': { tags: complete } };
      const findings = await evaluateProgram(requiredTags, program, { mode, stackConfig });
      expect(findings.map((finding) => [finding.policy, finding.enforcement, finding.urn?.split('::').pop(), reported(finding).split(';')[0]])).toEqual([
        ['required-tags', 'mandatory', 'overrides', '`tags.Owner` is ""'],
        ['required-tags', 'mandatory', 'bare', '`tags` lacks Environment, Owner, Project (and the provider\'s `defaultTags` do not supply them)'],
      ]);
    });
  });
});
