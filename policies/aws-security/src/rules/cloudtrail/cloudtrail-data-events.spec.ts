import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
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

  describe('completeness: every read and write event of every resource (issue 16)', () => {
    const lambda = advanced('AWS::Lambda::Function');

    it.each([
      ['an exclusion of the trail\'s own log bucket only', [advanced('AWS::S3::Object', [{ field: 'resources.ARN', notStartsWiths: ['arn:aws:s3:::audit-logs/'] }]), lambda]],
      ['a resources.ARN startsWith of every object', [advanced('AWS::S3::Object', [{ field: 'resources.ARN', startsWith: ['arn:aws:s3'] }]), lambda]],
      ['reads and writes split with readOnly notEquals', [
        advanced('AWS::S3::Object', [{ field: 'readOnly', notEquals: ['true'] }]),
        advanced('AWS::S3::Object', [{ field: 'readOnly', notEquals: ['false'] }]),
        lambda,
      ]],
    ])('Compliance: %s', async (_label, selectors) => {
      expect(await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: selectors })])).toEqual([]);
    });

    it('Compliance: basic selectors with the all-resources prefix in any partition', async () => {
      const selectors = { eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws-us-gov:s3:::'] }, { type: 'AWS::Lambda::Function', values: ['arn:aws-us-gov:lambda'] }] }] };
      expect(await evaluate(cloudtrailDataEvents, [trail(selectors)])).toEqual([]);
    });

    it.each([
      [
        'writes limited to some event names, and no reads',
        [advanced('AWS::S3::Object', [{ field: 'readOnly', equals: ['false'] }, { field: 'eventName', equals: ['PutObject', 'DeleteObject'] }]), lambda],
        'record no reads, and writes only where `advancedEventSelectors[0]` ("AWS::S3::Object data events") limits them to eventName equals ["PutObject","DeleteObject"]',
      ],
      [
        'one bucket by resources.ARN',
        [advanced('AWS::S3::Object', [{ field: 'resources.ARN', startsWiths: ['arn:aws:s3:::orders/'] }]), lambda],
        'record reads only where `advancedEventSelectors[0]` ("AWS::S3::Object data events") limits them to resources.ARN startsWith ["arn:aws:s3:::orders/"]',
      ],
      [
        'a data bucket excluded, not the trail\'s own',
        [advanced('AWS::S3::Object', [{ field: 'resources.ARN', notStartsWiths: ['arn:aws:s3:::audit-logs/', 'arn:aws:s3:::payroll/'] }]), lambda],
        'limits them to resources.ARN notStartsWith',
      ],
      [
        'Lambda writes only for some callers',
        [advanced('AWS::S3::Object'), advanced('AWS::Lambda::Function', [{ field: 'userIdentity.arn', startsWith: ['arn:aws:iam::111122223333:role/app'] }])],
        'the selectors for `AWS::Lambda::Function` record reads only where',
      ],
    ])('Noncompliance: %s', async (_label, selectors, fragment) => {
      const findings = await evaluate(cloudtrailDataEvents, [trail({ advancedEventSelectors: selectors })]);
      expect(mandatory(findings)).toHaveLength(1);
      expect(reported(findings[0])).toContain(fragment);
    });

    it('Noncompliance: a basic selector naming one bucket records only its objects', async () => {
      const selectors = { eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::orders/'] }, { type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }] }] };
      const findings = await evaluate(cloudtrailDataEvents, [trail(selectors)]);
      expect(reported(findings[0])).toContain('`eventSelectors[0].dataResources[0].values` names only ["arn:aws:s3:::orders/"]');
    });
  });

  it('Preview: unknown selectors, fields and values are undecided; a known gap beside them is the verdict', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ eventSelectors: UNKNOWN_VALUE }, ['eventSelectors']],
      [{ advancedEventSelectors: UNKNOWN_VALUE }, ['advancedEventSelectors']],
      [{ advancedEventSelectors: [UNKNOWN_VALUE] }, ['advancedEventSelectors[0]']],
      [{ eventSelectors: [{ readWriteType: UNKNOWN_VALUE, dataResources: basicBoth.eventSelectors[0].dataResources }] }, ['eventSelectors[0].readWriteType']],
      [{ advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: UNKNOWN_VALUE }] }] }, ['advancedEventSelectors[0].fieldSelectors[0].equals']],
      [
        { s3BucketName: UNKNOWN_VALUE, advancedEventSelectors: [advanced('AWS::S3::Object', [{ field: 'resources.ARN', notStartsWiths: ['arn:aws:s3:::audit-logs/'] }]), advanced('AWS::Lambda::Function')] },
        ['s3BucketName'],
      ],
    ];
    for (const [selectors, properties] of cases) {
      const findings = await evaluate(cloudtrailDataEvents, [trail(selectors)]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(properties);
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
