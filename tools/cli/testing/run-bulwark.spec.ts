import { runBulwark } from './run-bulwark';

describe('runBulwark', () => {
  it('returns what the process printed and its exit code', async () => {
    const version = await runBulwark(['--version'], { cwd: __dirname });
    expect(version).toEqual({ code: 0, stdout: expect.stringMatching(/^bulwark \d+\.\d+\.\d+/), stderr: '' });
    const misuse = await runBulwark(['chek'], { cwd: __dirname });
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('check');
  });
});
