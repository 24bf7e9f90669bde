import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudtrailDataEvents } from './cloudtrail-data-events';

const TRAIL = 'aws:cloudtrail/trail:Trail';

function trail(selectors: Record<string, unknown>) {
  return resource(TRAIL, { s3BucketName: 'audit-logs', isMultiRegionTrail: true, ...selectors }, { name: 'audit' });
}

function advanced(type: string, extra: Record<string, unknown>[] = []) {
  return {
    name: `${type} data events`,
    fieldSelectors: [
      { field: 'eventCategory', equals: ['Data'] },
      { field: 'resources.type', equals: [type] },
      ...extra,
    ],
  };
}

const basicBoth = {
  eventSelectors: [
    {
      readWriteType: 'All',
      includeManagementEvents: true,
      dataResources: [
        { type: 'AWS::S3::Object', values: ['arn:aws:s3'] },
        { type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] },
      ],
    },
  ],
};

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

describe('cloudtrail-data-events', () => {
  it('Compliance: basic event selectors with S3 object and Lambda data resources (readWriteType default All)', async () => {
    expect(await evaluate(cloudtrailDataEvents, [trail(basicBoth)])).toEqual([]);
    const noReadWriteType = { eventSelectors: [{ dataResources: basicBoth.eventSelectors[0].dataResources }] };
    expect(await evaluate(cloudtrailDataEvents, [trail(noReadWriteType)])).toEqual([]);
  });

  it('Compliance: advanced event selectors, including reads and writes split over two selectors', async () => {
    const selectors = [advanced('AWS::S3::Object'), advanced('AWS::Lambda::Function')];
    expect(await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: selectors })])).toEqual([]);
    const split = [
      advanced('AWS::S3::Object', [{ field: 'readOnly', equals: ['true'] }]),
      advanced('AWS::S3::Object', [{ field: 'readOnly', equals: ['false'] }]),
      advanced('AWS::Lambda::Function'),
    ];
    expect(await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: split })])).toEqual([]);
  });

  it('Compliance: a requirement switched off in config is not checked', async () => {
    const lambdaOnly = { advancedEventSelectors: [advanced('AWS::Lambda::Function')] };
    const config = { 'cloudtrail-data-events': { requireS3DataEvents: false } };
    expect(await evaluate(cloudtrailDataEvents, [trail(lambdaOnly)], { config })).toEqual([]);
  });

  it('Noncompliance 1: a management-only trail records neither data type', async () => {
    const findings = await evaluate(cloudtrailDataEvents, [trail({})]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'cloudtrail-data-events', enforcement: 'mandatory', urn: trail({}).urn });
    expect(reported(findings[0])).toContain('records S3 object data events (`AWS::S3::Object`)');
    expect(reported(findings[0])).toContain('records Lambda function data events (`AWS::Lambda::Function`)');
  });

  it('Noncompliance 2: advanced selectors for management events or another data type only', async () => {
    const selectors = [
      { name: 'management', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
      advanced('AWS::DynamoDB::Table'),
      advanced('AWS::Lambda::Function'),
    ];
    const [finding, ...rest] = await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: selectors })]);
    expect(rest).toEqual([]);
    expect(reported(finding)).toMatch(/^no `eventSelectors` or `advancedEventSelectors` entry records S3 object data events/);
    expect(reported(finding)).not.toContain('Lambda');
  });

  it('Noncompliance 3: basic selector records only writes (readWriteType WriteOnly)', async () => {
    const selectors = { eventSelectors: [{ ...basicBoth.eventSelectors[0], readWriteType: 'WriteOnly' }] };
    const findings = await evaluate(cloudtrailDataEvents, [trail(selectors)]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toContain('the selectors for `AWS::S3::Object` record only writes');
    expect(reported(findings[0])).toContain('the selectors for `AWS::Lambda::Function` record only writes');
  });

  it('Noncompliance 4: advanced selector restricted to reads by a readOnly field selector', async () => {
    const selectors = [advanced('AWS::S3::Object', [{ field: 'readOnly', equals: ['true'] }]), advanced('AWS::Lambda::Function')];
    const findings = await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: selectors })]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toBe(
      'the selectors for `AWS::S3::Object` record only reads (`readWriteType` / `readOnly`); record writes too ' +
        '(`readWriteType: "All"`, or no `readOnly` field selector)',
    );
  });

  it('Noncompliance 5: S3 data resource with the wrong type spelling is not counted', async () => {
    const selectors = { eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Bucket', values: ['arn:aws:s3'] }] }] };
    const config = { 'cloudtrail-data-events': { requireLambdaDataEvents: false } };
    const findings = await evaluate(cloudtrailDataEvents, [trail(selectors)], { config });
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toContain('`AWS::S3::Object`');
  });

  it('Preview: unknown selectors neither throw nor fail; a known gap beside them is still reported', async () => {
    for (const selectors of [
      { eventSelectors: UNKNOWN_VALUE },
      { advancedEventSelectors: UNKNOWN_VALUE },
      { advancedEventSelectors: [UNKNOWN_VALUE] },
      { eventSelectors: [{ readWriteType: UNKNOWN_VALUE, dataResources: basicBoth.eventSelectors[0].dataResources }] },
      { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: UNKNOWN_VALUE }] }] },
    ]) {
      expect(await evaluate(cloudtrailDataEvents, [trail(selectors)])).toEqual([]);
    }
    const partly = {
      eventSelectors: [{ dataResources: [{ type: 'AWS::Lambda::Function', values: [UNKNOWN_VALUE] }] }],
    };
    const findings = await evaluate(cloudtrailDataEvents, [trail(partly)]);
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcement).toBe('mandatory');
    expect(reported(findings[0])).toContain('`AWS::S3::Object`');
    expect(reported(findings[0])).not.toContain('`AWS::Lambda::Function`');
  });

  it('never throws on wrong-typed selectors', async () => {
    for (const selectors of [
      { eventSelectors: 'All' },
      { eventSelectors: [null, 3, { dataResources: 'x' }] },
      { advancedEventSelectors: [{ fieldSelectors: [null, { field: 3 }, { field: 'eventCategory', equals: 'Data' }] }] },
    ]) {
      expect(await evaluate(cloudtrailDataEvents, [trail(selectors)])).toHaveLength(1);
    }
  });
});
