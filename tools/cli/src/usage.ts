/** The help of the `bulwark` command and of each of its commands (`bulwark <command> --help`). */
import { REPORT_FORMATS } from './report/report-format';

/** The commands `bulwark` runs. */
export const COMMANDS = ['preview', 'check', 'rules'] as const;

export type Command = (typeof COMMANDS)[number];

const EXIT_CODES = 'exit codes: 0 no mandatory violation, 1 mandatory violations, 2 error (nothing was judged)';

const REPORT_OPTIONS = `  --format F                 report format: ${REPORT_FORMATS.join(', ')} (default text)
  --output FILE              write the report to FILE instead of stdout (a run that fails writes its error there,
                             in the same format)
  --quiet, -q                no progress lines on stderr, and a text report of only the findings and the
                             summary (the stacks' warnings are counted, not listed)`;

const RUN_OPTIONS = `  --stack NAME               the stack whose Pulumi.<NAME>.yaml config the program runs with (default dev)
  --mode both|preview|update which runs to evaluate (default both): preview is a first-time \`pulumi preview\`
                             (ids, ARNs and other computed values unknown: a rule they decide reports an advisory
                             "undecided" finding); update simulates \`pulumi up\` (those values known, invented
                             offline, stable per resource); both evaluates the two and merges them: a mandatory
                             finding in either blocks, each finding says which mode found it, and the update's
                             verdict replaces a preview's "undecided"
  --update                   deprecated: --mode update
  --organization ORG         what pulumi.getOrganization() returns and StackReference names start with
                             (default organization)
  --invoke-fixtures FILE     answers for provider lookups the engine cannot know offline (an existing VPC, a
                             hosted zone, a private SSM parameter): a JSON list of { "token", "args", "result" };
                             a call whose token matches and whose arguments contain "args" gets "result"
                             (repeat the option for several files; the first match wins)
  --stack-reference NAME=FILE.json
                             the outputs a StackReference to NAME (org/project/stack) reads: a JSON object of
                             output names to values (repeatable)
  --pack-timeout SPEC        how long a policy pack may take: one duration for both, or start=60s,analyze=120s
                             (start: until it serves; analyze: each Analyzer call); units ms, s, m
                             (default start=60s,analyze=120s)
  --allow-opaque-components  a remote component the engine cannot expand (not @pulumi/awsx's modelled ones) is an
                             advisory finding, "not verified offline", instead of an error: its children go
                             unchecked, so check them with \`pulumi preview --policy-pack\``;

const CHECK = `usage: bulwark check DIR [options]

Runs the Pulumi TypeScript/JavaScript program in DIR (the directory with Pulumi.yaml) offline, as the Pulumi CLI
would run it (DIR as the working directory, TypeScript compiled as it is loaded, modules resolved from DIR
upward), and evaluates policy packs on every resource it registers, over the Analyzer protocol.

Policy packs: each --policy-pack DIR in order; with none, every pack of the bulwark workspace (policies/*), which
must be built (npm start builds it).

options:
${RUN_OPTIONS}
  --config KEY=VALUE         a config value, over the stack file's (bare keys belong to the project; repeatable)
  --policy-pack DIR          a CrossGuard policy pack directory (PulumiPolicy.yaml; repeatable)
  --policy-pack-config FILE  the JSON config of the --policy-pack in the same position, as
                             \`pulumi preview --policy-pack-config\` takes it (repeatable)
${REPORT_OPTIONS}
  --help                     this help

example:
  bulwark check ./my-program --stack prod --config aws:region=eu-west-1 --format sarif --output bulwark.sarif

${EXIT_CODES}`;

const PREVIEW = `usage: bulwark preview [PROJECT...] [options]

Runs every stack of the workspace (every Pulumi.yaml under stacks/), or the projects named, offline and in
StackReference order: a stack's references resolve to the outputs of the workspace stack they name. Each stack
is evaluated with every pack under policies/ and its own pack config (stacks/<name>/policy-config.<stack>.json,
else policy-config.json).

options:
${RUN_OPTIONS}
  --workspace DIR            the workspace root (default: the nearest npm workspace above the working directory)
${REPORT_OPTIONS}
  --help                     this help

example:
  bulwark preview network data --format markdown --output report.md
  bulwark preview --mode preview            a first-time preview only, as \`pulumi preview\` sees it

${EXIT_CODES}`;

const RULES = `usage: bulwark rules [options]

Lists the rules of a policy pack as the pack describes itself, with the enforcement level \`bulwark check\`
would apply: the pack's own initial config, then --policy-pack-config over it.

options:
  --policy-pack DIR          the pack to list (default: the first pack of the workspace, policies/*)
  --policy-pack-config FILE  a pack config to apply, as \`bulwark check --policy-pack-config\` would
  --framework fsbp|cis       only the rules mapped to AWS FSBP or CIS controls
  --format text|json|markdown
                             (default text)
  --workspace DIR            the workspace root (default: the nearest npm workspace above the working directory)
  --pack-timeout SPEC        how long the pack may take to start and answer (see bulwark check --help)
  --help                     this help

example:
  bulwark rules --policy-pack ./awsguard --policy-pack-config awsguard-config.json

${EXIT_CODES}`;

/** The usage of every command. */
export const USAGE = `usage: bulwark <command> [options]

commands:
  preview [PROJECT...]   every workspace stack (or those named), in StackReference order, with the workspace packs
  check DIR              any Pulumi TypeScript/JavaScript program directory, with the given or the workspace packs
  rules                  the rules of a policy pack, with the levels a check would enforce

bulwark <command> --help   the options of a command
bulwark --version          the version

${EXIT_CODES}`;

const BY_COMMAND: Record<Command, string> = { check: CHECK, preview: PREVIEW, rules: RULES };

/** The help of one command, or the overall usage. */
export function usageOf(command?: Command): string {
  return command ? BY_COMMAND[command] : USAGE;
}
