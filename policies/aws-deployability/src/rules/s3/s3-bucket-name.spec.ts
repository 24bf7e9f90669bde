import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketName } from './s3-bucket-name';

const BUCKET = 'aws:s3/bucket:Bucket';
const messages = async (inputs: Record<string, unknown>) => mandatory(await evaluate(s3BucketName, [resource(BUCKET, inputs)])).map((finding) => finding.message);

describe('s3-bucket-name', () => {
  it('Compliance: physicalName-style names and a short prefix', async () => {
    expect(await messages({ bucket: 'bulwark-dev-access-logs-k3x9q2' })).toEqual([]);
    expect(await messages({ bucketPrefix: 'bulwark-dev-scratch-' })).toEqual([]);
  });

  it('Noncompliance: upper case, too long, reserved suffix, IP-like, adjacent dots (InvalidBucketName)', async () => {
    expect(await messages({ bucket: 'bulwark-Logs' })).toEqual([expect.stringContaining('contains "L"')]);
    expect(await messages({ bucket: 'b'.repeat(64) })).toEqual([expect.stringContaining('has 64 characters; AWS accepts 3 to 63')]);
    expect(await messages({ bucket: 'logs-s3alias' })).toEqual([expect.stringContaining('reserved suffix "-s3alias"')]);
    expect(await messages({ bucket: '192.168.1.10' })).toEqual([expect.stringContaining('IP address')]);
    expect(await messages({ bucket: 'a..b' })).toEqual([expect.stringContaining('adjacent dots')]);
    expect(await messages({ bucketPrefix: 'p'.repeat(40) })).toEqual([expect.stringContaining('at most 37 fit')]);
  });

  it('Preview: an unknown name is undecided', async () => {
    expect(undecided(await evaluate(s3BucketName, [resource(BUCKET, { bucket: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
