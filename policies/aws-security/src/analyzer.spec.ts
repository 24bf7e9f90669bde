/**
 * The pack as the Pulumi CLI runs it: the compiled pack (package.json `main`, built by `npm run build`) started
 * with `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> <pack-dir>` in the pack directory, which
 * prints its port and serves the Analyzer gRPC service. The test speaks that protocol with the stubs in
 * `@pulumi/pulumi/proto`: GetAnalyzerInfo lists every RULES.md rule at its level, and Configure + Analyze
 * report a violating resource at the configured level.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { bundlePolicyPack } from '@bulwark/policy-kit/build';
import { PACK_NAME, PACK_ROOT } from './pack';
import { allRules } from './rules';

const packRoot = PACK_ROOT;
const pulumiRoot = dirname(require.resolve('@pulumi/pulumi/package.json'));
/** Resolves a module the way @pulumi/pulumi does, so messages and classes are the ones its stubs use. */
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiRoot] })); // eslint-disable-line @typescript-eslint/no-require-imports

/* eslint-disable @typescript-eslint/no-explicit-any -- the generated protobuf stubs are loaded untyped */
const grpc = fromPulumi('@grpc/grpc-js');
const analyzerStubs = fromPulumi('@pulumi/pulumi/proto/analyzer_grpc_pb');
const analyzerMessages = fromPulumi('@pulumi/pulumi/proto/analyzer_pb');
const { Empty } = fromPulumi('google-protobuf/google/protobuf/empty_pb');
const { Struct } = fromPulumi('google-protobuf/google/protobuf/struct_pb');

const LEVEL_NAMES: Record<number, string> = { 0: 'advisory', 1: 'mandatory', 2: 'disabled', 3: 'remediate' };
const LEVEL_NUMBERS: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const START_TIMEOUT_MS = 30_000;

/** Every file under `directory` (recursively) whose name ends with `suffix`. */
function filesUnder(directory: string, suffix: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The source folders the bundle is built from: the pack's and those of the workspace packages it inlines. */
const bundledSources = [join(packRoot, 'src'), ...['@bulwark/policy-kit', '@bulwark/aws-model'].map((name) => join(dirname(require.resolve(`${name}/package.json`)), 'src'))];

/** Builds `bin/` when it is missing or older than the sources it is bundled from (what the nx `build` target does). */
async function ensureBuilt(): Promise<void> {
  const sources = [join(packRoot, 'index.ts'), ...bundledSources.flatMap((folder) => filesUnder(folder, '.ts').filter((file) => !file.endsWith('.spec.ts')))];
  const newestSource = Math.max(...sources.map(mtime));
  if (mtime(join(packRoot, 'bin', 'index.js')) >= newestSource) return;
  await bundlePolicyPack(packRoot);
}

/** Starts the pack in `directory` exactly as the Pulumi CLI does and resolves with the port it prints. */
function startPack(directory: string = packRoot): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(pulumiRoot, 'cmd', 'run-policy-pack'), '127.0.0.1:1', directory], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the pack printed no port within ${START_TIMEOUT_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /^(\d+)\s*$/m.exec(stdout);
      if (port) {
        clearTimeout(timer);
        resolve({ child, port: Number(port[1]) });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the pack exited (${code ?? signal}) before printing a port\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

function call<T>(client: any, method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))),
  );
}

function analyzeRequest(type: string, name: string, properties: Record<string, unknown>) {
  const request = new analyzerMessages.AnalyzeRequest();
  request.setType(type);
  request.setName(name);
  request.setUrn(`urn:pulumi:dev::data::${type}::${name}`);
  request.setProperties(Struct.fromJavaScript(properties));
  request.setOptions(new analyzerMessages.AnalyzerResourceOptions());
  return request;
}

function configureRequest(config: Record<string, { level: string; properties?: Record<string, unknown> }>) {
  const request = new analyzerMessages.ConfigureAnalyzerRequest();
  const map = request.getPolicyconfigMap();
  for (const [policy, { level, properties }] of Object.entries(config)) {
    const policyConfig = new analyzerMessages.PolicyConfig();
    policyConfig.setEnforcementlevel(LEVEL_NUMBERS[level]);
    policyConfig.setProperties(Struct.fromJavaScript(properties ?? {}));
    map.set(policy, policyConfig);
  }
  return request;
}

/** The ids and default levels of the catalogue table (the committed copy of RULES.md). */
function catalogLevels(): Map<string, string> {
  const rows = readFileSync(join(packRoot, 'RULES.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| ([a-z0-9-]+) \| (M\*?|A) \|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return new Map(rows.map((match) => [match[1], match[2]]));
}

describe('the pack over the Analyzer protocol, started as the Pulumi CLI starts it', () => {
  let pack: ChildProcess | undefined;
  let client: any;

  beforeAll(async () => {
    await ensureBuilt();
    const started = await startPack();
    pack = started.child;
    client = new analyzerStubs.AnalyzerClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
  }, 120_000);

  afterAll(async () => {
    client?.close();
    if (pack && pack.exitCode === null) {
      const exited = new Promise((resolve) => pack?.once('exit', resolve));
      pack.kill('SIGTERM');
      await exited;
    }
  });

  it('GetAnalyzerInfo names the pack and lists every RULES.md rule at its default level', async () => {
    const info: any = await call(client, 'getAnalyzerInfo', new Empty());
    expect(info.getName()).toBe(PACK_NAME);
    expect(info.getVersion()).toBe(JSON.parse(readFileSync(join(packRoot, 'package.json'), 'utf8')).version);
    const served = new Map<string, string>(
      info.getPoliciesList().map((policy: any) => [policy.getName(), LEVEL_NAMES[policy.getEnforcementlevel()]]),
    );
    const catalog = catalogLevels();
    expect([...served.keys()].sort()).toEqual([...catalog.keys()].sort());
    for (const [id, level] of catalog) {
      const expected = level === 'A' ? ['advisory'] : level === 'M' ? ['mandatory'] : ['mandatory', 'disabled'];
      expect({ id, level: served.get(id), ok: expected.includes(served.get(id) ?? '') }).toEqual({ id, level: served.get(id), ok: true });
    }
  });

  it('GetAnalyzerInfo carries each rule\'s metadata and config schema defaults', async () => {
    const info: any = await call(client, 'getAnalyzerInfo', new Empty());
    const byName = new Map<string, any>(info.getPoliciesList().map((policy: any) => [policy.getName(), policy]));
    for (const rule of allRules) {
      const policy = byName.get(rule.metadata.id);
      expect(policy?.getDisplayname()).toBe(rule.metadata.title);
      expect(policy?.getRemediationSteps()).toBe(rule.metadata.remediation);
      const served = policy?.getConfigschema()?.getProperties()?.toJavaScript() ?? {};
      for (const [name, property] of Object.entries(rule.configSchema?.properties ?? {})) {
        expect({ rule: rule.metadata.id, name, default: served[name]?.default }).toEqual({
          rule: rule.metadata.id,
          name,
          default: (property as { default?: unknown }).default,
        });
      }
    }
  });

  it('Analyze reports a violating resource, and Configure changes its level', async () => {
    const publicDatabase = analyzeRequest('aws:rds/instance:Instance', 'orders-db', {
      publiclyAccessible: true,
      instanceClass: 'db.t3.micro',
    });
    const diagnosticsFor = async (policy: string) => {
      const response: any = await call(client, 'analyze', publicDatabase);
      return response
        .getDiagnosticsList()
        .filter((diagnostic: any) => diagnostic.getPolicyname() === policy)
        .map((diagnostic: any) => ({
          level: LEVEL_NAMES[diagnostic.getEnforcementlevel()],
          pack: diagnostic.getPolicypackname(),
          urn: diagnostic.getUrn(),
          message: diagnostic.getMessage(),
        }));
    };
    const defaults = await diagnosticsFor('rds-not-public');
    expect(defaults).toEqual([
      {
        level: 'mandatory',
        pack: PACK_NAME,
        urn: 'urn:pulumi:dev::data::aws:rds/instance:Instance::orders-db',
        message: expect.stringContaining('publiclyAccessible'),
      },
    ]);

    await call(client, 'configure', configureRequest({ 'rds-not-public': { level: 'advisory' } }));
    expect((await diagnosticsFor('rds-not-public')).map((diagnostic: any) => diagnostic.level)).toEqual(['advisory']);

    await call(client, 'configure', configureRequest({ 'rds-not-public': { level: 'disabled' } }));
    expect(await diagnosticsFor('rds-not-public')).toEqual([]);
  });

  it('a compliant resource gets no finding from the rule', async () => {
    await call(client, 'configure', configureRequest({}));
    const response: any = await call(
      client,
      'analyze',
      analyzeRequest('aws:rds/instance:Instance', 'private-db', { publiclyAccessible: false }),
    );
    const names = response.getDiagnosticsList().map((diagnostic: any) => diagnostic.getPolicyname());
    expect(names).not.toContain('rds-not-public');
  });
});

describe('a pack whose waivers.yaml has an invalid entry', () => {
  // A copy of the compiled pack with its own waiver file. It lives inside the pack directory so that Node
  // resolves the pack's dependencies from it as it does for the real pack; it is removed afterwards.
  const copiesRoot = join(packRoot, '.test-packs');
  let copy: string | undefined;

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    try {
      rmdirSync(copiesRoot);
    } catch {
      // Another run still has a copy there; it removes the directory when it is done.
    }
  });

  it('fails to start, with an error naming the entry and the field', async () => {
    await ensureBuilt();
    mkdirSync(copiesRoot, { recursive: true });
    copy = mkdtempSync(join(copiesRoot, 'invalid-waivers-'));
    cpSync(join(packRoot, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(packRoot, 'PulumiPolicy.yaml'), join(copy, 'PulumiPolicy.yaml'));
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ name: 'invalid-waivers-pack', version: '0.0.0', main: 'bin/index.js' }));
    writeFileSync(join(copy, 'waivers.yaml'), 'waivers:\n  - {rule: rds-multi-az, resource: "db-*", reason: load tests, expires: 2030-01-01}\n');
    const started = startPack(copy);
    await expect(started).rejects.toThrow('exited');
    await expect(started).rejects.toThrow('waivers[0] (rule rds-multi-az): "owner" is missing');
  });
});

describe('the compiled pack', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('needs only its runtime dependencies (no test helpers, @bulwark/offline or jest)', () => {
    const manifest = JSON.parse(readFileSync(join(packRoot, 'package.json'), 'utf8'));
    const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...builtinModules]);
    const requires = filesUnder(join(packRoot, 'bin'), '.js').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => ({ file: relative(packRoot, file), module: match[1] })),
    );
    expect(requires.length).toBeGreaterThan(0);
    const outside = requires.filter(({ module }) => {
      if (module.startsWith('.')) return false;
      const name = module.replace(/^node:/, '').split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/');
      return !allowed.has(name);
    });
    expect(outside).toEqual([]);
    // Workspace packages are TypeScript sources Node cannot load: the bundle inlines them.
    expect(requires.filter(({ module }) => module.startsWith('@bulwark/'))).toEqual([]);
  });

  it('is built from production sources only (no specs, test helpers or fuzzers)', () => {
    const map = JSON.parse(readFileSync(join(packRoot, 'bin', 'index.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith('src/rules/s3/s3-bucket-versioning.ts'))).toBe(true);
    expect(map.sources.filter((source) => /\.spec\.ts$|[/\\](testing|fuzz)[/\\]/.test(source))).toEqual([]);
  });
});
