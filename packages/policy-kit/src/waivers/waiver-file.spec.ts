import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWaivers, parseWaivers, WaiverFileError } from './waiver-file';

const ruleIds = ['rds-multi-az', 's3-bucket-versioning'];
const parse = (text: string) => parseWaivers(text, { source: 'waivers.yaml', ruleIds });

const valid = `
waivers:
  - rule: rds-multi-az
    resource: "scratch-*"
    reason: load-test databases are single-AZ
    owner: platform-team
    expires: 2030-06-30
  - rule: s3-bucket-versioning
    resource: "urn:pulumi:*::data::aws:s3/bucketV2:BucketV2::tmp-?"
    reason: temporary upload buckets
    owner: data-team
    expires: "2030-01-15"
`;

function parseError(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(WaiverFileError);
    return (error as Error).message;
  }
  throw new Error('expected the waiver file to be rejected');
}

const entry = (fields: Record<string, string | undefined>) =>
  'waivers:\n  - ' +
  Object.entries({ rule: 'rds-multi-az', resource: 'db-*', reason: 'why', owner: 'me', expires: '2030-01-01', ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n    ');

describe('parseWaivers', () => {
  it('reads valid waivers, keeping the expiry a YYYY-MM-DD string and recording where each came from', () => {
    expect(parse(valid)).toEqual([
      {
        rule: 'rds-multi-az',
        resource: 'scratch-*',
        reason: 'load-test databases are single-AZ',
        owner: 'platform-team',
        expires: '2030-06-30',
        source: 'waivers.yaml: waivers[0] (rule rds-multi-az)',
      },
      {
        rule: 's3-bucket-versioning',
        resource: 'urn:pulumi:*::data::aws:s3/bucketV2:BucketV2::tmp-?',
        reason: 'temporary upload buckets',
        owner: 'data-team',
        expires: '2030-01-15',
        source: 'waivers.yaml: waivers[1] (rule s3-bucket-versioning)',
      },
    ]);
  });

  it('accepts an empty file and an empty list', () => {
    expect(parse('# nothing waived\n')).toEqual([]);
    expect(parse('waivers: []\n')).toEqual([]);
    expect(parse('waivers:\n')).toEqual([]);
  });

  it.each([
    ['reason', { reason: undefined }, '"reason" is missing'],
    ['owner', { owner: undefined }, '"owner" is missing'],
    ['expires', { expires: undefined }, '"expires" is missing'],
    ['an empty reason', { reason: '""' }, '"reason" is empty'],
    ['an empty glob', { resource: '""' }, '"resource" is empty'],
    ['a blank glob', { resource: '"  "' }, '"resource" is empty'],
    ['a date that does not exist', { expires: '2030-02-30' }, '"expires" is not a real date YYYY-MM-DD, got "2030-02-30"'],
    ['a date in another format', { expires: '31/12/2030' }, '"expires" is not a real date YYYY-MM-DD, got "31/12/2030"'],
    ['a number for a date', { expires: '20301231' }, '"expires" must be a date written YYYY-MM-DD, got 20301231'],
    ['a URN glob without urn:pulumi:', { resource: 'urn:aws:s3:::bucket' }, '"resource" looks like a URN but does not start with "urn:pulumi:"'],
    ['an unknown field', { expiry: '2030-01-01' }, 'unknown field "expiry"'],
  ])('rejects a waiver with %s, naming the entry and the field', (_case, fields, problem) => {
    expect(parseError(entry(fields))).toContain(`waivers.yaml: waivers[0] (rule rds-multi-az): ${problem}`);
  });

  it('rejects a rule id the pack does not have', () => {
    expect(parseError(entry({ rule: 's3-bucket-versoning' }))).toContain(
      'waivers.yaml: waivers[0] (rule s3-bucket-versoning): "rule" "s3-bucket-versoning" is not a rule of this pack',
    );
  });

  it('reports an unknown rule id together with the entry\'s other problems', () => {
    const message = parseError(entry({ rule: 'nope', owner: undefined }));
    expect(message).toContain('waivers[0] (rule nope): "owner" is missing');
    expect(message).toContain('waivers[0] (rule nope): "rule" "nope" is not a rule of this pack');
  });

  it('rejects a missing rule, naming the entry by index', () => {
    expect(parseError(entry({ rule: undefined }))).toContain('waivers.yaml: waivers[0]: "rule" is missing');
  });

  it('lists every bad entry, not only the first', () => {
    const message = parseError(`${valid}  - rule: rds-multi-az\n    resource: x\n  - just a string\n`);
    expect(message).toContain('waivers[2] (rule rds-multi-az): "reason" is missing');
    expect(message).toContain('waivers[2] (rule rds-multi-az): "owner" is missing');
    expect(message).toContain('waivers[3]: a waiver must be a mapping');
    expect(message).not.toContain('waivers[0]');
  });

  it('rejects a file that is not a waivers list', () => {
    expect(parseError('- rule: x\n')).toContain('expected a mapping with a "waivers" list');
    expect(parseError('waivers: {}\n')).toContain('"waivers" must be a list');
    expect(parseError('waiver: []\n')).toContain('unknown top-level key "waiver"');
    expect(parseError('waivers: [\n')).toContain('waivers.yaml: not valid YAML');
  });
});

describe('loadWaivers', () => {
  it('reads a file and names it in errors', () => {
    const directory = mkdtempSync(join(tmpdir(), 'waivers-'));
    const file = join(directory, 'waivers.yaml');
    writeFileSync(file, entry({ owner: undefined }));
    expect(() => loadWaivers(file, ruleIds)).toThrow(`${file}: waivers[0] (rule rds-multi-az): "owner" is missing`);
    writeFileSync(file, valid);
    expect(loadWaivers(file, ruleIds)).toHaveLength(2);
  });

  it('fails when the file is missing', () => {
    expect(() => loadWaivers('/nonexistent/waivers.yaml', ruleIds)).toThrow('cannot read the waiver file /nonexistent/waivers.yaml');
  });
});
