import * as path from 'node:path';
import { bulwarkCheck } from './bulwark-check';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..');

describe('bulwarkCheck', () => {
  it('runs `bulwark check` on the directory from the workspace root and returns its exit status and error', () => {
    // A directory of the workspace that is no Pulumi program: the command must say so and exit 2, reporting nothing.
    const { status, stderr, report } = bulwarkCheck(path.join(WORKSPACE, 'packages', 'stack-testing'), []);
    expect(status).toBe(2);
    expect(stderr).toContain('no Pulumi.yaml');
    expect(report).toBeUndefined();
  });
});
