import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { evaluateInProcess, type Finding, type ProgramResult, runProgram, type RunMode } from '@bulwark/offline';
import { toPolicy } from '@bulwark/aws-security/src/rule';
import { allRules } from '@bulwark/aws-security/src/rules';
import { program } from '../program';

const STACK_DIRECTORY = path.resolve(__dirname, '../..');

/** The `config:` of `Pulumi.<stack>.yaml`, as the Pulumi CLI passes it to the program. */
export function stackConfigFile(stack: string): Record<string, unknown> {
  const document = yaml.load(fs.readFileSync(path.join(STACK_DIRECTORY, `Pulumi.${stack}.yaml`), 'utf8')) as { config: Record<string, unknown> };
  return document.config;
}

/** Runs the edge program with a stack's config file (overridden key by key). */
export function runEdgeStack(stack: string, mode: RunMode, overrides: Record<string, unknown> = {}): Promise<ProgramResult> {
  const config = { ...stackConfigFile(stack), ...overrides };
  return runProgram(program, { project: 'edge', stack, mode, config });
}

/** Every finding of the whole workspace pack on a run, with the stack's own pack config. */
export function packFindings(result: ProgramResult): Promise<Finding[]> {
  const policyConfig = JSON.parse(fs.readFileSync(path.join(STACK_DIRECTORY, 'policy-config.json'), 'utf8')) as Record<string, unknown>;
  return evaluateInProcess({ name: 'aws-security', version: '0.1.0', policies: allRules.map((rule) => toPolicy(rule)) }, result, policyConfig);
}

/** The account the stack deploys into: the first of `aws:allowedAccountIds` in its config file. */
export function deploymentAccount(stack: string): string {
  const accounts = stackConfigFile(stack)['aws:allowedAccountIds'];
  if (!Array.isArray(accounts) || typeof accounts[0] !== 'string') throw new Error(`Pulumi.${stack}.yaml sets no aws:allowedAccountIds`);
  return accounts[0];
}
