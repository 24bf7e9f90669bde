/**
 * The heavy modules of `bulwark check` and `bulwark preview` (the offline engine, which loads @pulumi/pulumi, and
 * what builds and writes reports), loaded when a command first asks for them rather than when `bulwark` starts:
 * a command starts its policy pack processes first, so that they start while the engine loads (see
 * evaluation/pack-set.ts). `require`, not `import()`: the command runs as CommonJS, and a dynamic `import()` of
 * a TypeScript file would be an ES module import that Node resolves differently.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Offline from '@bulwark/offline';
import type * as EvaluateStack from './evaluation/evaluate-stack';
import type * as RunInputs from './evaluation/run-inputs';
import type * as ReportModel from './report/report-model';
import type * as ReportOutput from './report-output';

/** The offline engine (@bulwark/offline). */
export function offlineEngine(): typeof Offline {
  return require('@bulwark/offline') as typeof Offline;
}

/** Running and evaluating a stack, and the inputs of a run. */
export function stackEvaluation(): typeof EvaluateStack & typeof RunInputs {
  return { ...(require('./evaluation/evaluate-stack') as typeof EvaluateStack), ...(require('./evaluation/run-inputs') as typeof RunInputs) };
}

/** Building a report and writing it where it goes. */
export function reporting(): typeof ReportModel & typeof ReportOutput {
  return { ...(require('./report/report-model') as typeof ReportModel), ...(require('./report-output') as typeof ReportOutput) };
}
