import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lastRunSize, recordRunSizes, REMEMBERED_PROGRAMS, runSizeKey } from './run-sizes';

let directory: string;
const configured = process.env['BULWARK_RUN_SIZES'];

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-run-sizes-'));
  process.env['BULWARK_RUN_SIZES'] = path.join(directory, 'sizes.json');
});

afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
  if (configured === undefined) delete process.env['BULWARK_RUN_SIZES'];
  else process.env['BULWARK_RUN_SIZES'] = configured;
});

describe('run sizes', () => {
  it('remembers the size of each program and stack, keeping the others', () => {
    const network = runSizeKey('stacks/network', 'dev');
    const large = runSizeKey('/tmp/large', 'prod');
    expect(lastRunSize(network)).toBeUndefined();
    recordRunSizes({ [network]: 40 });
    recordRunSizes({ [large]: 10_000 });
    expect(lastRunSize(network)).toBe(40);
    expect(lastRunSize(large)).toBe(10_000);
    expect(network).toBe(`${path.resolve('stacks/network')}#dev`);
  });

  it('remembers only the most recently run programs', () => {
    for (let index = 0; index <= REMEMBERED_PROGRAMS; index++) recordRunSizes({ [runSizeKey(`/tmp/p${index}`, 'dev')]: index });
    expect(lastRunSize(runSizeKey('/tmp/p0', 'dev'))).toBeUndefined();
    expect(lastRunSize(runSizeKey(`/tmp/p${REMEMBERED_PROGRAMS}`, 'dev'))).toBe(REMEMBERED_PROGRAMS);
  });

  it('reads a broken file as knowing nothing', () => {
    fs.writeFileSync(process.env['BULWARK_RUN_SIZES'] as string, '{ not json');
    expect(lastRunSize(runSizeKey('x', 'dev'))).toBeUndefined();
    recordRunSizes({ [runSizeKey('x', 'dev')]: 3 });
    expect(lastRunSize(runSizeKey('x', 'dev'))).toBe(3);
  });
});
