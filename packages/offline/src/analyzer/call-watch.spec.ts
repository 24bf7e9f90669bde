import { CallWatch } from './call-watch';

describe('CallWatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says what the pack has not answered after a few seconds, then every repeat, and nothing once answered', () => {
    const lines: string[] = [];
    const watch = new CallWatch('/packs/slow', { onWaiting: (line) => lines.push(line), noticeMs: 5000, repeatMs: 30_000 });
    const done = watch.begin('Analyze of urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs', 120_000);
    watch.begin('Analyze of urn:pulumi:dev::p::aws:sns/topic:Topic::alerts', 120_000);
    jest.advanceTimersByTime(4000);
    expect(lines).toEqual([]);
    jest.advanceTimersByTime(1500);
    expect(lines).toEqual([
      'waiting for policy pack /packs/slow: Analyze of urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs has not answered for 5 s (1 more call(s) waiting); ' +
        'it fails after 120 s (--pack-timeout)',
    ]);
    jest.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(1);
    jest.advanceTimersByTime(25_000);
    expect(lines).toHaveLength(2);
    done();
    watch.stop();
    jest.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
  });

  it('notices at half a short timeout', () => {
    const lines: string[] = [];
    const watch = new CallWatch('/packs/slow', { onWaiting: (line) => lines.push(line) });
    watch.begin('Configure of p/dev', 2000);
    jest.advanceTimersByTime(1100);
    expect(lines).toEqual(['waiting for policy pack /packs/slow: Configure of p/dev has not answered for 1 s; it fails after 2 s (--pack-timeout)']);
    watch.stop();
  });
});
