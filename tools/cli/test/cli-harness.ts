/** Test harness: temporary Pulumi programs and workspaces, and the `bulwark` command run as a real process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBulwark, type BulwarkRun } from '../testing';

export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEMO_PACK = path.resolve(__dirname, '..', 'test-fixtures', 'packs', 'demo-pack');
export const CRASH_PACK = path.resolve(__dirname, '..', 'test-fixtures', 'packs', 'crash-pack');

const created: string[] = [];

/** A fresh temporary directory, removed by {@link removeTemporaryDirectories}. */
export function temporaryDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
  created.push(directory);
  return directory;
}

/** Removes every directory {@link temporaryDirectory} made. */
export function removeTemporaryDirectories(): void {
  for (const directory of created.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}

/**
 * Writes a Pulumi TypeScript program (files by relative path) into `directory`, with a `node_modules` link to
 * the workspace's so that its imports resolve from the program directory upward, as an installed program's do.
 */
export function writeProgram(directory: string, files: Record<string, string>): string {
  fs.mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

/** Links the workspace's node_modules into a temporary root. */
export function linkNodeModules(root: string): void {
  fs.symlinkSync(path.join(WORKSPACE_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

/**
 * A temporary npm workspace of `stacks/*` with the demo pack as its one policy pack (no stacks yet): what a
 * `bulwark preview` test writes its stacks into.
 */
export function demoPackWorkspace(): string {
  const workspace = temporaryDirectory();
  linkNodeModules(workspace);
  fs.writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'ws', private: true, workspaces: ['stacks/*'] }));
  fs.mkdirSync(path.join(workspace, 'policies'));
  fs.symlinkSync(DEMO_PACK, path.join(workspace, 'policies', 'demo'), 'dir');
  return workspace;
}

export type CommandResult = BulwarkRun;

/** Runs `bulwark ...args` as a process in `cwd`. */
export function bulwark(args: readonly string[], cwd: string = WORKSPACE_ROOT): Promise<CommandResult> {
  return runBulwark(args, { cwd });
}

/** A program with one bucket: `violating` leaves out the Owner tag and the versioning the demo pack requires. */
export function bucketProgram(violating: boolean): Record<string, string> {
  return {
    'Pulumi.yaml': 'name: storage\nruntime: nodejs\nmain: src/index.ts\n',
    'Pulumi.dev.yaml': 'config:\n  aws:region: eu-west-1\n  owner: platform\n  apiToken:\n    secure: v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA\n',
    'src/index.ts': [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      'const config = new pulumi.Config();',
      violating
        ? "const bucket = new aws.s3.Bucket('assets', {});"
        : "const bucket = new aws.s3.Bucket('assets', { tags: { Owner: config.require('owner') } });",
      violating ? '' : "new aws.s3.BucketVersioning('assets', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });",
      "new aws.cloudwatch.LogGroup('app', { retentionInDays: 365 });",
      'export const bucketName = bucket.bucket;',
      "export const token = config.requireSecret('apiToken');",
      '',
    ].join('\n'),
  };
}
