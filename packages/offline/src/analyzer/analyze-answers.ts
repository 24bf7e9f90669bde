/**
 * The answers a pack gave to Analyze, kept by request, so that evaluating a second run of the same stack (a
 * simulated update after a preview) sends the pack only the resources whose requests changed. A resource the
 * preview already knew everything about (no unknown input) gets the same request in the update, and a
 * CrossGuard pack answers a request from the request and its configuration alone: @pulumi/policy's analyzer
 * server (which every Node.js pack runs under run-policy-pack) reads neither the run's `dryRun` nor anything
 * else the two runs differ in. So an answer is reused only when the pack's `Configure` and `ConfigureStack`
 * requests (`dryRun` aside) and the `Analyze` request are byte for byte the ones it answered; `AnalyzeStack`,
 * which sees the resources' outputs, is always sent.
 */
import { createHash } from 'node:crypto';
import type * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { type Finding } from '../policy/findings';

/** What one Analyze call answered: its findings and the policies it said do not apply. */
export interface AnalyzeAnswer {
  readonly findings: Finding[];
  readonly notApplicable: { readonly policy: string; readonly reason: string }[];
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** Analyze answers of one pack, valid for one configuration of it (see the module comment). */
export class AnalyzeAnswers {
  private configuration: string | undefined;
  private readonly answers = new Map<string, AnalyzeAnswer>();

  /**
   * Starts an evaluation with these `Configure` and `ConfigureStack` requests: the answers kept so far are
   * forgotten unless they were given under the same configuration (`dryRun` aside).
   */
  configure(configure: analyzerproto.ConfigureAnalyzerRequest, stackConfigure: analyzerproto.AnalyzerStackConfigureRequest): void {
    const stack = stackConfigure.clone();
    stack.setDryRun(false);
    const configuration = `${digest(configure.serializeBinary())}/${digest(stack.serializeBinary())}`;
    if (configuration !== this.configuration) this.answers.clear();
    this.configuration = configuration;
  }

  /** The key of a request, from its encoded bytes. */
  keyOf(request: Uint8Array): string {
    return digest(request);
  }

  /** The answer the pack gave to the request with this key under the current configuration, if any. */
  get(key: string): AnalyzeAnswer | undefined {
    return this.answers.get(key);
  }

  /** Keeps an answer. */
  set(key: string, answer: AnalyzeAnswer): void {
    this.answers.set(key, answer);
  }
}
