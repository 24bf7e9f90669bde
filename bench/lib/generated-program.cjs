// The generated programs the scale benchmarks run: `resources` resources in groups of a tagged bucket, its
// versioning and a log group (the root stack and the default provider count too), as a Pulumi program directory
// for `bulwark check`, and the same body under the SDK's own `setMocks` with trivial mocks that record nothing:
// what the Pulumi SDK alone costs for a program of that shape (the floor).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The program body registering `resources` resources. */
function programBody(resources) {
  const groups = Math.floor((resources - 2) / 3);
  const extra = resources - 2 - groups * 3;
  return [
    `for (let index = 0; index < ${groups}; index++) {`,
    "  const bucket = new aws.s3.Bucket(`data-${index}`, { tags: { Owner: 'bench' } });",
    "  new aws.s3.BucketVersioning(`data-${index}`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });",
    '  new aws.cloudwatch.LogGroup(`logs-${index}`, { retentionInDays: 365 });',
    '}',
    `for (let index = 0; index < ${extra}; index++) new aws.cloudwatch.LogGroup(\`extra-\${index}\`, { retentionInDays: 365 });`,
  ];
}

/** A Pulumi program directory (Pulumi.yaml, index.ts, node_modules linked to the workspace's). */
function writeCheckProgram(directory, resources) {
  fs.mkdirSync(directory, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(directory, 'Pulumi.yaml'), 'name: bench\nruntime: nodejs\n');
  fs.writeFileSync(path.join(directory, 'index.ts'), ["import * as aws from '@pulumi/aws';", ...programBody(resources), ''].join('\n'));
  return directory;
}

/**
 * The same program as a script run under the SDK's `setMocks` (no recording, ids from names), with the SDK's
 * per-resource stack traces off as the engine turns them off, written as `sdk-floor.ts` in `directory` (with
 * node_modules linked): run it with `node -r @bulwark/offline/register`. Returns the script's path.
 */
function writeSdkFloorProgram(directory, resources) {
  fs.mkdirSync(directory, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  const file = path.join(directory, 'sdk-floor.ts');
  fs.writeFileSync(
    file,
    [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      "pulumi.runtime.setMocks({ newResource: (args) => ({ id: args.name, state: args.inputs }), call: (args) => args.inputs }, 'bench', 'dev', true);",
      'Error.stackTraceLimit = 0;',
      '(pulumi.Resource as unknown as { stackTrace(): unknown[] }).stackTrace = () => [];',
      'async function main(): Promise<void> {',
      '  await pulumi.runtime.runInPulumiStack(async () => {',
      ...programBody(resources).map((line) => `    ${line}`),
      '  });',
      "  await (require('@pulumi/pulumi/runtime/settings') as { waitForRPCs(): Promise<void> }).waitForRPCs();",
      '}',
      'main().catch((error) => { console.error(error); process.exit(2); });',
      '',
    ].join('\n'),
  );
  return file;
}

module.exports = { writeCheckProgram, writeSdkFloorProgram, ROOT };
