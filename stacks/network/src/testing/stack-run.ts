import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '@bulwark/aws-security/src/rules';
import { toPolicy } from '@bulwark/aws-security/src/rule';
import { evaluateInProcess, type Finding, type ProgramResult, type ResourceRecord, runProgram, type RunMode } from '@bulwark/offline';
import * as yaml from 'js-yaml';
import { program } from '../program';

/** The stack's directory (where Pulumi.yaml, the stack config files and policy-config.json live). */
export const STACK_DIRECTORY = path.resolve(__dirname, '..', '..');

/** The config of `Pulumi.<stack>.yaml`, read from the real file so tests run what a deploy would. */
export function stackConfigFile(stack: string): Record<string, unknown> {
  const document = yaml.load(fs.readFileSync(path.join(STACK_DIRECTORY, `Pulumi.${stack}.yaml`), 'utf8')) as { config: Record<string, unknown> };
  return document.config;
}

/** Runs the network program with a stack's config file, with `overrides` replacing keys (undefined removes one). */
export function runNetwork(stack: string, mode: RunMode, overrides: Record<string, unknown> = {}): Promise<ProgramResult> {
  const config: Record<string, unknown> = { ...stackConfigFile(stack), ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete config[key];
  return runProgram(program, { project: 'network', stack, mode, config });
}

/** Evaluates the whole aws-security pack on a run with the stack's own policy-config.json. */
export async function evaluateWholePack(result: ProgramResult): Promise<Finding[]> {
  const policyConfig = JSON.parse(fs.readFileSync(path.join(STACK_DIRECTORY, 'policy-config.json'), 'utf8')) as Record<string, unknown>;
  return evaluateInProcess({ name: 'aws-security', version: '0.1.0', policies: allRules.map((rule) => toPolicy(rule)) }, result, policyConfig);
}

/** Every resource of a type, in registration order. */
export function resourcesOfType(result: ProgramResult, type: string): ResourceRecord[] {
  return result.resources.filter((resource) => resource.type === type);
}

/** The one resource of a type with a logical name, failing with the names present when there is none. */
export function resourceNamed(result: ProgramResult, type: string, name: string): ResourceRecord {
  const found = resourcesOfType(result, type).find((resource) => resource.name === name);
  if (found === undefined) {
    const names = resourcesOfType(result, type).map((resource) => resource.name);
    throw new Error(`no ${type} named "${name}" (present: ${names.join(', ') || 'none'})`);
  }
  return found;
}

/** Findings rendered for a failure message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.policy} [${finding.enforcement}] ${finding.urn ?? '(stack)'}\n${finding.message}`).join('\n\n');
}

/** The account the stack deploys into: the first of `aws:allowedAccountIds` in its config file. */
export function deploymentAccount(stack: string): string {
  const accounts = stackConfigFile(stack)['aws:allowedAccountIds'];
  if (!Array.isArray(accounts) || typeof accounts[0] !== 'string') throw new Error(`Pulumi.${stack}.yaml sets no aws:allowedAccountIds`);
  return accounts[0];
}
