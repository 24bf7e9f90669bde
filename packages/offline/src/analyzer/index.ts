/** Policy packs run as the Pulumi CLI runs them, spoken to over the Analyzer gRPC protocol. */
export { AnalyzeAnswers, type AnalyzeAnswer } from './analyze-answers';
export { PolicyPack, type PackEvaluation, type PolicyPackOptions, type StackContext } from './policy-pack';
export { PolicyPackError } from './policy-pack-error';
export { startPolicyPack, type PolicyPackProcess, type StartPolicyPackOptions } from './policy-pack-process';
export * from './policy-pack-info';
