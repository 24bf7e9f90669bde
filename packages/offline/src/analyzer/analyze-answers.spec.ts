import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { AnalyzeAnswers } from './analyze-answers';

function configure(level: number): analyzerproto.ConfigureAnalyzerRequest {
  const request = new analyzerproto.ConfigureAnalyzerRequest();
  const policy = new analyzerproto.PolicyConfig();
  policy.setEnforcementlevel(level);
  request.getPolicyconfigMap().set('bucket-versioned', policy);
  return request;
}

function stackConfigure(dryRun: boolean, stack = 'dev'): analyzerproto.AnalyzerStackConfigureRequest {
  const request = new analyzerproto.AnalyzerStackConfigureRequest();
  request.setStack(stack);
  request.setProject('data');
  request.setDryRun(dryRun);
  return request;
}

function analyze(name: string): Uint8Array {
  const request = new analyzerproto.AnalyzeRequest();
  request.setType('aws:s3/bucket:Bucket');
  request.setName(name);
  request.setUrn(`urn:pulumi:dev::data::aws:s3/bucket:Bucket::${name}`);
  return request.serializeBinary();
}

const answer = { findings: [], notApplicable: [{ policy: 'log-retention', reason: 'not a log group' }] };

describe('AnalyzeAnswers', () => {
  it('keeps answers across a preview and an update of the same configuration (dryRun aside), by request', () => {
    const answers = new AnalyzeAnswers();
    answers.configure(configure(1), stackConfigure(true));
    answers.set(answers.keyOf(analyze('site')), answer);
    answers.configure(configure(1), stackConfigure(false));
    expect(answers.get(answers.keyOf(analyze('site')))).toBe(answer);
    expect(answers.get(answers.keyOf(analyze('logs')))).toBeUndefined();
  });

  it('forgets them when the pack config or the stack changes', () => {
    const answers = new AnalyzeAnswers();
    answers.configure(configure(1), stackConfigure(true));
    answers.set(answers.keyOf(analyze('site')), answer);
    answers.configure(configure(2), stackConfigure(false));
    expect(answers.get(answers.keyOf(analyze('site')))).toBeUndefined();
    answers.set(answers.keyOf(analyze('site')), answer);
    answers.configure(configure(2), stackConfigure(false, 'prod'));
    expect(answers.get(answers.keyOf(analyze('site')))).toBeUndefined();
  });
});
