/**
 * The `bulwark` command: parses the command line, runs the command, and maps every failure to exit code 2
 * with a message that says what went wrong and where. Nothing that failed is ever reported as a pass: a check or
 * preview that fails leaves a failure report where its report would have gone (see report/failure-report.ts).
 * The engine is loaded only once a command has started its policy packs, so that they start while it loads
 * (engine-modules.ts).
 */
import { parseCommandLine, type CommandOptions } from './cli-arguments';
import { runCheck } from './commands/check';
import { runPreview } from './commands/preview';
import { runRules } from './commands/rules';
import { offlineEngine, reporting } from './engine-modules';
import { ExitCode, UsageError } from './exit-codes';
import { type RunFailure } from './report/failure-report';
import { configureOutput } from './output-settings';
import { TOOL_VERSION } from './tool-version';
import { usageOf } from './usage';
import { WorkspaceError } from './workspace/workspace-error';

function describe(error: unknown): RunFailure {
  // The workspace's own errors come before the engine is needed (an unbuilt pack, a bad pack config): say them
  // without loading it, so that an engine that cannot load does not hide them.
  if (error instanceof WorkspaceError) return { message: error.message, details: [] };
  const { InvokeFixtureError, PolicyConfigError, PolicyPackError, ProgramError, ProjectError } = offlineEngine();
  if (error instanceof ProgramError) {
    return { message: `the program failed: ${error.message}`, details: error.failures.filter((failure) => failure !== error.message) };
  }
  if (error instanceof PolicyPackError) return { message: `policy pack failure: ${error.message}`, details: [] };
  if (error instanceof PolicyConfigError || error instanceof ProjectError || error instanceof InvokeFixtureError) {
    return { message: error.message, details: [] };
  }
  if (error instanceof Error) return { message: error.stack ?? error.message, details: [] };
  return { message: String(error), details: [] };
}

/** Runs `bulwark` with the given arguments and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CommandOptions | undefined;
  try {
    options = parseCommandLine(argv);
    switch (options.command) {
      case 'help':
        process.stdout.write(`${usageOf(options.topic)}\n`);
        return ExitCode.Passed;
      case 'version':
        process.stdout.write(`bulwark ${TOOL_VERSION}\n`);
        return ExitCode.Passed;
      case 'check':
        configureOutput({ quiet: options.quiet });
        return await runCheck(options);
      case 'preview':
        configureOutput({ quiet: options.quiet });
        return await runPreview(options);
      case 'rules':
        return await runRules(options);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${usageOf(error.command)}\n`);
      return ExitCode.Error;
    }
    const failure = describe(error);
    if (options && (options.command === 'check' || options.command === 'preview')) reporting().progressInterrupted();
    process.stderr.write(`error: ${failure.message}\n${failure.details.map((line) => `  ${line}\n`).join('')}`);
    if (options && (options.command === 'check' || options.command === 'preview')) {
      reporting().emitFailure(failure, options.format, options.output);
    }
    return ExitCode.Error;
  }
}
