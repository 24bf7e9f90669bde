import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeFixtureError, matchInvokeFixture, parseInvokeFixtures, readInvokeFixtures } from './invoke-fixtures';

describe('invoke fixtures', () => {
  const fixtures = parseInvokeFixtures(
    [
      { token: 'aws:ec2/getVpc:getVpc', args: { tags: { Name: 'shared' } }, result: { id: 'vpc-0shared' } },
      { token: 'aws:ec2/getSubnets:getSubnets', args: { filters: [{ name: 'vpc-id', values: ['vpc-0shared'] }] }, result: { ids: ['subnet-1'] } },
      { token: 'aws:ec2/getVpc:getVpc', result: { id: 'vpc-0any' }, description: 'every other VPC lookup' },
    ],
    'fixtures.json',
  );

  it('matches on the token and arguments that contain the fixture’s, first match first', () => {
    expect(matchInvokeFixture(fixtures, 'aws:ec2/getVpc:getVpc', { tags: { Name: 'shared', Team: 'net' } })?.result).toEqual({ id: 'vpc-0shared' });
    expect(matchInvokeFixture(fixtures, 'aws:ec2/getVpc:getVpc', { tags: { Name: 'other' } })?.result).toEqual({ id: 'vpc-0any' });
    expect(matchInvokeFixture(fixtures, 'aws:ec2/getSubnets:getSubnets', { filters: [{ name: 'vpc-id', values: ['vpc-0shared'] }] })?.source).toBe('fixtures.json#1');
    // Lists match element by element: a list with another value is another query.
    expect(matchInvokeFixture(fixtures, 'aws:ec2/getSubnets:getSubnets', { filters: [{ name: 'vpc-id', values: ['vpc-0shared', 'vpc-2'] }] })).toBeUndefined();
    expect(matchInvokeFixture(fixtures, 'aws:ec2/getAmi:getAmi', {})).toBeUndefined();
  });

  it.each([
    [{ token: 'aws:ec2/getVpc:getVpc' }, 'fixtures.json'],
    [{}, 'must be a JSON list'],
    [[{ token: 'getVpc', result: {} }], 'entry 0: "token" must be a provider function token such as "aws:ec2/getVpc:getVpc", got "getVpc"'],
    [[{ token: 'aws:ec2/getVpc:getVpc', result: 'vpc-1' }], 'entry 0: "result" must be an object: what aws:ec2/getVpc:getVpc returns'],
    [[{ token: 'aws:ec2/getVpc:getVpc', args: [], result: {} }], 'entry 0: "args" must be an object'],
    [[{ token: 'aws:ec2/getVpc:getVpc', result: {}, answer: 1 }], 'entry 0: unknown key(s) answer'],
  ])('rejects a malformed document naming the file and entry (%j)', (document, message) => {
    expect(() => parseInvokeFixtures(document, 'fixtures.json')).toThrow(InvokeFixtureError);
    expect(() => parseInvokeFixtures(document, 'fixtures.json')).toThrow(message);
  });

  it('reads a file, naming it when it is missing or not JSON', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fixtures-'));
    try {
      const file = path.join(directory, 'fixtures.json');
      fs.writeFileSync(file, JSON.stringify([{ token: 'aws:ec2/getVpc:getVpc', result: { id: 'vpc-1' } }]));
      expect(readInvokeFixtures(file)).toEqual([{ token: 'aws:ec2/getVpc:getVpc', result: { id: 'vpc-1' }, source: `${file}#0` }]);
      fs.writeFileSync(file, '[{');
      expect(() => readInvokeFixtures(file)).toThrow(`invoke fixtures ${file}: not valid JSON`);
      expect(() => readInvokeFixtures(path.join(directory, 'missing.json'))).toThrow(/missing\.json: cannot be read/);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
