/**
 * The Node.js runtimes AWS Lambda offers, each with the day Lambda deprecates it, from AWS's "Lambda runtimes" page
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), read on 2026-12-07. Only the deprecation date
 * is kept: past it Lambda stops patching the runtime and gives no support (its "Runtime deprecation" policy,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html), and soon after blocks creating, then
 * updating, functions on it; a foundation deploys no function on an unpatched runtime. Kept by hand: no npm package
 * maintains these dates (the AWS SDKs list runtime names only). Add a runtime when Lambda releases it.
 */
export const LAMBDA_NODE_RUNTIMES: readonly { readonly runtime: string; readonly deprecation: string }[] = [
  { runtime: 'nodejs20.x', deprecation: '2026-04-30' },
  { runtime: 'nodejs22.x', deprecation: '2027-04-30' },
  { runtime: 'nodejs24.x', deprecation: '2028-04-30' },
];

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
