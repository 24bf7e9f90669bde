import { OPTIONS } from './cli-arguments';
import { COMMANDS, usageOf } from './usage';

describe('help', () => {
  it.each(COMMANDS)('bulwark %s --help explains every option the command takes', (command) => {
    const help = usageOf(command);
    for (const option of [...Object.keys(OPTIONS[command]), 'help']) {
      expect(help).toMatch(new RegExp(`^  --${option}\\b`, 'm'));
      const short = OPTIONS[command][option]?.short;
      if (short) expect(help).toMatch(new RegExp(`^  --${option}, -${short}\\b`, 'm'));
    }
  });

  it('explains how check chooses its packs, what each --mode evaluates and what --organization sets', () => {
    const help = usageOf('check');
    expect(help).toContain('with none, every pack of the bulwark workspace');
    expect(help).toContain('--mode both|preview|update which runs to evaluate (default both)');
    expect(help).toContain('simulates `pulumi up`');
    expect(help).toContain('--update                   deprecated: --mode update');
    expect(help).toContain('pulumi.getOrganization()');
  });

  it('lists every command in the overall usage', () => {
    for (const command of COMMANDS) expect(usageOf()).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
