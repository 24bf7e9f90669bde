import { DEFAULT_LAMBDA_NODE_RUNTIME, LAMBDA_NODE_RUNTIMES, lambdaRuntimeProblem, supportedLambdaNodeRuntimes } from './lambda-node-runtimes';

describe('Lambda Node.js runtimes', () => {
  it('lists runtimes with ISO deprecation dates, the default among them', () => {
    for (const entry of LAMBDA_NODE_RUNTIMES) expect(entry.deprecation).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(LAMBDA_NODE_RUNTIMES.map((entry) => entry.runtime)).toContain(DEFAULT_LAMBDA_NODE_RUNTIME);
  });

  it('accepts a runtime until its deprecation day', () => {
    expect(lambdaRuntimeProblem('nodejs22.x', '2027-04-29')).toBeUndefined();
    expect(lambdaRuntimeProblem(DEFAULT_LAMBDA_NODE_RUNTIME, '2026-12-07')).toBeUndefined();
  });

  it('refuses a deprecated runtime from its deprecation day, naming what to use', () => {
    expect(lambdaRuntimeProblem('nodejs22.x', '2027-04-30')).toBe(
      'a Lambda Node.js runtime that is not deprecated (nodejs24.x): nodejs22.x was deprecated on 2027-04-30 and gets no more security patches',
    );
    expect(supportedLambdaNodeRuntimes('2026-12-07')).toEqual(['nodejs22.x', 'nodejs24.x']);
  });

  it('refuses a runtime of another language or one Lambda never offered', () => {
    expect(lambdaRuntimeProblem('python3.13', '2026-12-07')).toMatch(/the worker's code is Node.js$/);
    expect(lambdaRuntimeProblem('nodejs16.x', '2026-12-07')).toMatch(/^a Lambda Node.js runtime that is not deprecated/);
  });
});
