/**
 * Key policy documents for specs, in the shapes the AWS guides show: the account root statement that delegates to
 * IAM policies, and service statements with their conditions.
 */
export const ACCOUNT = '111122223333';

/** A key policy statement allowing the account root everything (the default key policy's statement). */
export function rootStatement(account: string = ACCOUNT) {
  return { Sid: 'EnableRoot', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' };
}

/** A key policy with the given statements after the root statement, as JSON text. */
export function keyPolicy(...statements: readonly object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [rootStatement(), ...statements] });
}

/** A statement allowing a service principal actions under conditions. */
export function serviceStatement(service: string, actions: string | readonly string[], condition?: object) {
  return { Effect: 'Allow', Principal: { Service: service }, Action: actions, Resource: '*', ...(condition ? { Condition: condition } : {}) };
}
