import { LAMBDA_RUNTIME_DEPRECATIONS } from '@bulwark/aws-model';

/**
 * The Node.js runtimes AWS Lambda offers, each with the day Lambda deprecates it: the calendar @bulwark/aws-model
 * keeps (the one the deployability pack's `lambda-runtime-supported` reads too). Past that day Lambda stops
 * patching the runtime and gives no support (its "Runtime deprecation" policy,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html), and soon after blocks creating, then
 * updating, functions on it; a foundation deploys no function on an unpatched runtime.
 */
export const LAMBDA_NODE_RUNTIMES: readonly { readonly runtime: string; readonly deprecation: string }[] = LAMBDA_RUNTIME_DEPRECATIONS.filter((entry) =>
  entry.runtime.startsWith('nodejs'),
);

/** The runtime the worker function runs on unless `compute:lambdaRuntime` says otherwise. */
export const DEFAULT_LAMBDA_NODE_RUNTIME = 'nodejs24.x';

/** The Node.js runtimes not deprecated on `today` (an ISO date). */
export function supportedLambdaNodeRuntimes(today: string): string[] {
  return LAMBDA_NODE_RUNTIMES.filter((entry) => entry.deprecation > today).map((entry) => entry.runtime);
}

/** What is wrong with `runtime` for a new function on `today`, or undefined. */
export function lambdaRuntimeProblem(runtime: string, today: string): string | undefined {
  const expected = `a Lambda Node.js runtime that is not deprecated (${supportedLambdaNodeRuntimes(today).join(', ')})`;
  const known = LAMBDA_NODE_RUNTIMES.find((entry) => entry.runtime === runtime);
  if (known === undefined) return `${expected}: the worker's code is Node.js`;
  if (known.deprecation <= today) return `${expected}: ${runtime} was deprecated on ${known.deprecation} and gets no more security patches`;
  return undefined;
}
