/**
 * Conformance: for the same program, the findings a pack reports over the Analyzer gRPC protocol equal those of
 * evaluating its policies in-process with the SDK's semantics; and preview and update give the same verdicts.
 */
import * as aws from '@pulumi/aws';
import * as grpc from '@grpc/grpc-js';
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import * as analyzerrpc from '@pulumi/pulumi/proto/analyzer_grpc_pb';
import { AnalyzeAnswers, PolicyPack, runProgram, sortFindings, type Finding, type RunMode } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';
import { DEMO_PACK } from './cli-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoPolicies = require('../test-fixtures/packs/demo-pack/policies.js');

/** Buckets with and without tags and versioning, a versioning linked only through property dependencies. */
function program() {
  const tagged = new aws.s3.Bucket('tagged', { tags: { Owner: 'data' } });
  new aws.s3.Bucket('untagged', {});
  new aws.s3.BucketVersioning('tagged', { bucket: tagged.id, versioningConfiguration: { status: 'Enabled' } });
  new aws.cloudwatch.LogGroup('short', { retentionInDays: 7 });
  new aws.cloudwatch.LogGroup('unset', {});
  return { bucket: tagged.bucket };
}

let pack: PolicyPack;

beforeAll(async () => {
  pack = await PolicyPack.start(DEMO_PACK);
});

afterAll(async () => {
  await pack?.stop();
});

const sortBy = <T extends { policy: string; urn?: string }>(entries: readonly T[]) =>
  [...entries].sort((a, b) => `${a.policy} ${a.urn ?? ''}`.localeCompare(`${b.policy} ${b.urn ?? ''}`));

const verdicts = (findings: Finding[]) => sortFindings(findings).map((finding) => `${finding.enforcement} ${finding.policy} ${finding.urn ?? '(stack)'}`);

describe('policy packs over the Analyzer protocol', () => {
  it('reports the pack metadata from GetAnalyzerInfo', () => {
    expect(pack.info.name).toBe('demo-pack');
    expect(pack.info.version).toBe('1.2.3');
    const versioned = pack.info.policies.find((policy) => policy.name === 'bucket-versioned');
    expect(versioned).toMatchObject({ kind: 'stack', severity: 'high', enforcementLevel: 'mandatory', tags: ['service:s3', 'fsbp:S3.14', 'cis:2.1.3'] });
    expect(pack.info.policies.find((policy) => policy.name === 'log-retention')?.configSchema?.properties?.['minimumDays']).toMatchObject({ default: 90 });
  });

  it.each<RunMode>(['preview', 'update'])('gives the same findings as in-process evaluation (%s)', async (mode) => {
    const result = await runProgram(program, { project: 'conformance', mode });
    const config = { 'log-retention': { minimumDays: 10 } };
    const overGrpc = await pack.evaluate(result, config);
    const inProcess = await evaluateInProcess({ name: 'demo-pack', version: '1.2.3', policies: demoPolicies }, result, config);
    expect(sortFindings(overGrpc.findings)).toEqual(sortFindings(inProcess));
    expect(verdicts(overGrpc.findings)).toEqual([
      'advisory log-retention urn:pulumi:dev::conformance::aws:cloudwatch/logGroup:LogGroup::short',
      'advisory log-retention urn:pulumi:dev::conformance::aws:cloudwatch/logGroup:LogGroup::unset',
      'mandatory bucket-owner-tag urn:pulumi:dev::conformance::aws:s3/bucket:Bucket::untagged',
      'mandatory bucket-versioned urn:pulumi:dev::conformance::aws:s3/bucket:Bucket::untagged',
    ]);
  });

  it('gives the same verdicts in preview and update', async () => {
    const preview = await pack.evaluate(await runProgram(program, { project: 'modes', mode: 'preview' }));
    const update = await pack.evaluate(await runProgram(program, { project: 'modes', mode: 'update' }));
    expect(verdicts(update.findings)).toEqual(verdicts(preview.findings));
    expect(verdicts(preview.findings)).toHaveLength(4);
  });

  it('sends an update run only the Analyze requests the preview did not, and answers it as if it sent them all', async () => {
    const preview = await runProgram(program, { project: 'answers', mode: 'preview' });
    const update = await runProgram(program, { project: 'answers', mode: 'update' });
    // Analyze requests go out encoded (@bulwark/offline's analyzer-requests.ts): the names they were sent for.
    const unary = jest.spyOn(grpc.Client.prototype, 'makeUnaryRequest');
    const analyzed = () =>
      unary.mock.calls
        .filter(([path]) => path === analyzerrpc.AnalyzerService.analyze.path)
        .map(([, , , request]) => analyzerproto.AnalyzeRequest.deserializeBinary(request as Uint8Array).getName());
    try {
      const answers = new AnalyzeAnswers();
      await pack.evaluate(preview, {}, {}, answers);
      expect(analyzed()).toHaveLength(6);
      unary.mockClear();
      const reusing = await pack.evaluate(update, {}, {}, answers);
      // Only the versioning, whose bucket id was unknown in the preview, is sent again (with the stack).
      expect(analyzed()).toEqual(['tagged']);
      unary.mockClear();
      const sendingAll = await pack.evaluate(update);
      expect(analyzed()).toHaveLength(6);
      expect(reusing.findings).toEqual(sendingAll.findings);
      expect(sortBy(reusing.notApplicable)).toEqual(sortBy(sendingAll.notApplicable));
      // Another configuration is another pack as far as its answers go: everything is sent again.
      unary.mockClear();
      await pack.evaluate(update, { 'log-retention': { minimumDays: 10 } }, {}, answers);
      expect(analyzed()).toHaveLength(6);
    } finally {
      unary.mockRestore();
    }
  });

  it('rejects pack config the pack does not declare, naming the policy', async () => {
    const result = await runProgram(program, { project: 'config' });
    await expect(pack.evaluate(result, { 'log-retention': { minimumDays: 'ninety' } })).rejects.toThrow('"log-retention".minimumDays must be integer');
    await expect(pack.evaluate(result, { 'no-such-policy': 'mandatory' })).rejects.toThrow('"no-such-policy": no policy of that name in the pack');
  });
});
