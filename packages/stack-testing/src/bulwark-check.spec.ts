import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bulwarkCheck, workspaceRoot } from './bulwark-check';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..');

describe('workspaceRoot', () => {
  it('finds the npm workspace root above a package directory', () => {
    expect(workspaceRoot(path.join(WORKSPACE, 'packages', 'stack-testing', 'src'))).toBe(WORKSPACE);
    expect(workspaceRoot(WORKSPACE)).toBe(WORKSPACE);
  });

  it('fails naming the directory outside any workspace', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'no-workspace-'));
    try {
      expect(() => workspaceRoot(outside)).toThrow(`${outside} is not inside an npm workspace`);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('bulwarkCheck', () => {
  it('runs `bulwark check` on the directory from the workspace root and returns its exit status and error', () => {
    // A directory of the workspace that is no Pulumi program: the command must say so and exit 2, reporting nothing.
    const { status, stderr, report } = bulwarkCheck(path.join(WORKSPACE, 'packages', 'stack-testing'), []);
    expect(status).toBe(2);
    expect(stderr).toContain('no Pulumi.yaml');
    expect(report).toBeUndefined();
  });
});
