/**
 * The `bulwark` command: parses the command line, runs the command, and maps every failure to exit code 2
 * with a message that says what went wrong and where. Nothing that failed is ever reported as a pass.
 */
import { PolicyConfigError, PolicyPackError, ProgramError, ProjectError } from '@bulwark/offline';
import { parseCommandLine, USAGE } from './cli-arguments';
import { runCheck } from './commands/check';
import { runPreview } from './commands/preview';
import { runRules } from './commands/rules';
import { ExitCode, UsageError } from './exit-codes';
import { WorkspaceError } from './workspace/workspace-error';

function describe(error: unknown): string {
  if (error instanceof ProgramError) {
    const failures = error.failures.filter((failure) => failure !== error.message);
    return `the program failed: ${error.message}${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`;
  }
  if (error instanceof PolicyPackError) return `policy pack failure: ${error.message}`;
  if (error instanceof PolicyConfigError) return error.message;
  if (error instanceof ProjectError || error instanceof WorkspaceError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Runs `bulwark` with the given arguments and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCommandLine(argv);
    switch (options.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return ExitCode.Passed;
      case 'check':
        return await runCheck(options);
      case 'preview':
        return await runPreview(options);
      case 'rules':
        return await runRules(options);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    } else {
      process.stderr.write(`error: ${describe(error)}\n`);
    }
    return ExitCode.Error;
  }
}
