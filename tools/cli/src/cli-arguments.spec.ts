import { parseCommandLine } from './cli-arguments';
import { UsageError } from './exit-codes';
import { DEFAULT_PACK_TIMEOUTS } from './pack-timeout';

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('is a usage error with no arguments (exit 2), not help', () => {
    expect(usageError([]).message).toBe('no command given');
  });

  it('answers --version and help, overall and per command', () => {
    expect(parseCommandLine(['--version'])).toEqual({ command: 'version' });
    expect(parseCommandLine(['--help'])).toEqual({ command: 'help' });
    expect(parseCommandLine(['help', 'rules'])).toEqual({ command: 'help', topic: 'rules' });
    expect(parseCommandLine(['check', '--help'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseCommandLine(['preview', '-h'])).toEqual({ command: 'help', topic: 'preview' });
  });

  it('suggests the closest command or option, with the help of the command that was meant', () => {
    expect(usageError(['chekc', '.']).message).toBe('unknown command "chekc" (did you mean "check"?): use preview, check, rules');
    const option = usageError(['check', '.', '--polciy-pack', 'x']);
    expect(option.message).toBe('bulwark check: unknown option --polciy-pack (did you mean --policy-pack?)');
    expect(option.command).toBe('check');
    expect(usageError(['preview', '--mdoe', 'update']).message).toBe('bulwark preview: unknown option --mdoe (did you mean --mode?)');
    expect(usageError(['rules', '--config=x']).message).toBe('bulwark rules: unknown option --config');
    expect(usageError(['check', '.', '--frobnicate']).message).toBe('bulwark check: unknown option --frobnicate');
  });

  it('parses a check with fixtures, stack references and pack timeouts', () => {
    expect(
      parseCommandLine([
        'check', 'web', '--invoke-fixtures', 'a.json', '--invoke-fixtures', 'b.json', '--stack-reference', 'acme/network/prod=net.json',
        '--pack-timeout', 'analyze=5m', '--mode', 'update', '--config', 'aws:region=eu-west-1',
      ]),
    ).toMatchObject({
      command: 'check',
      directory: 'web',
      mode: 'update',
      invokeFixtures: ['a.json', 'b.json'],
      stackReferences: { 'acme/network/prod': 'net.json' },
      packTimeouts: { startMs: 60_000, analyzeMs: 300_000 },
      config: { 'aws:region': 'eu-west-1' },
    });
    expect(parseCommandLine(['check', 'web'])).toMatchObject({ packTimeouts: DEFAULT_PACK_TIMEOUTS, invokeFixtures: [], stackReferences: {} });
  });

  it('evaluates both modes unless --mode names one', () => {
    expect(parseCommandLine(['check', 'web'])).toMatchObject({ mode: 'both' });
    expect(parseCommandLine(['preview'])).toMatchObject({ mode: 'both' });
    expect(parseCommandLine(['check', 'web', '--mode', 'preview'])).toMatchObject({ mode: 'preview' });
    expect(parseCommandLine(['preview', '--mode=update'])).toMatchObject({ mode: 'update' });
    expect(usageError(['check', 'web', '--mode', 'apply']).message).toBe('bulwark check: --mode must be one of both, preview, update, got "apply"');
  });

  it('still takes the deprecated --update as --mode update, saying so on stderr', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(parseCommandLine(['check', 'web', '--update'])).toMatchObject({ mode: 'update' });
      expect(parseCommandLine(['check', 'web', '--update', '--mode', 'update'])).toMatchObject({ mode: 'update' });
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('--update is deprecated: use --mode update'));
      expect(usageError(['preview', '--update', '--mode', 'both']).message).toBe(
        'bulwark preview: --update means --mode update, which contradicts --mode both: give only --mode',
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('rejects malformed pairs and timeouts, saying what they accept', () => {
    expect(usageError(['check', 'web', '--stack-reference', 'net.json']).message).toBe(
      '--stack-reference "net.json" must be NAME=FILE (e.g. --stack-reference acme/network/prod=network-outputs.json)',
    );
    expect(usageError(['check', 'web', '--pack-timeout', 'soon']).message).toMatch(/^--pack-timeout "soon": "soon" is not NAME=DURATION/);
  });

  it('reads --quiet for check and preview, and refuses it for rules', () => {
    expect(parseCommandLine(['check', 'web', '--quiet'])).toMatchObject({ command: 'check', quiet: true });
    expect(parseCommandLine(['preview'])).toMatchObject({ command: 'preview', quiet: false });
    expect(usageError(['rules', '--quiet']).message).toBe('bulwark rules: unknown option --quiet');
  });

  it('reads -q as --quiet, alone or grouped with -h, and names an unknown short flag', () => {
    expect(parseCommandLine(['check', 'web', '-q'])).toMatchObject({ command: 'check', quiet: true });
    expect(parseCommandLine(['preview', '-q', 'network'])).toMatchObject({ command: 'preview', quiet: true, projects: ['network'] });
    expect(parseCommandLine(['preview', '-qh'])).toEqual({ command: 'help', topic: 'preview' });
    expect(usageError(['check', 'web', '-x']).message).toBe('bulwark check: unknown option -x');
    expect(usageError(['check', 'web', '-qx']).message).toMatch(/^bulwark check: unknown option -qx/);
    expect(usageError(['rules', '-q']).message).toMatch(/^bulwark rules: unknown option -q/);
  });

  it('reads --format html for check and preview', () => {
    expect(parseCommandLine(['check', 'web', '--format', 'html'])).toMatchObject({ command: 'check', format: 'html' });
    expect(parseCommandLine(['preview', '--format', 'html', '--output', 'bulwark.html'])).toMatchObject({ command: 'preview', format: 'html', output: 'bulwark.html' });
  });

  it('reads the rules command’s pack config and timeout', () => {
    expect(parseCommandLine(['rules', '--policy-pack', 'p', '--policy-pack-config', 'c.json', '--pack-timeout', '90s'])).toEqual({
      command: 'rules',
      format: 'text',
      policyPack: 'p',
      policyPackConfig: 'c.json',
      packTimeouts: { startMs: 90_000, analyzeMs: 90_000 },
    });
  });
});
