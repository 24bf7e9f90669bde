import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { type ConfigKey, stringKey } from './config-key';

// The Pulumi Cloud rules for the parts of a stack name, so a bad setting fails before the StackReference does.
const ORGANIZATION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const PROJECT_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const ENVIRONMENT_PATTERN = /^[A-Za-z0-9._-]+$/;

const ORGANIZATION_FORM = 'a Pulumi organization name (letters, digits, ".", "_" or "-", 1 to 40 characters, e.g. "acme")';
const PROJECT_FORM = 'a Pulumi project name (letters, digits, ".", "_" or "-", e.g. "network")';
const ENVIRONMENT_FORM = 'a Pulumi stack name (letters, digits, ".", "_" or "-", e.g. "dev")';

/**
 * The stack setting naming the Pulumi organization of the stacks a consumer reads (`<namespace>:organization`).
 * Not set means the consumer's own organization.
 */
export const organizationKey: ConfigKey<string | undefined> = stringKey(
  z.string({ error: ORGANIZATION_FORM }).regex(ORGANIZATION_PATTERN, { error: ORGANIZATION_FORM }).optional(),
  ORGANIZATION_FORM,
);

/** A stack setting naming the project of a producer stack (`data:networkProject`), `defaultProject` when not set. */
export function producerProjectKey(defaultProject: string): ConfigKey<string> {
  if (!PROJECT_PATTERN.test(defaultProject)) throw new Error(`producerProjectKey: default project "${defaultProject}" is not ${PROJECT_FORM}`);
  return stringKey(z.string({ error: PROJECT_FORM }).regex(PROJECT_PATTERN, { error: PROJECT_FORM }).default(defaultProject), PROJECT_FORM);
}

/** The parts of the name of a stack a consumer reads through a `pulumi.StackReference`. */
export interface StackReferenceParts {
  /**
   * The producer's Pulumi organization (an {@link organizationKey} setting).
   * @default the consumer's own organization (`pulumi.getOrganization()`)
   */
  readonly organization?: string;
  /** The producer's Pulumi project (a {@link producerProjectKey} setting). */
  readonly project: string;
  /** The producer's stack: the consumer's own environment, so one program serves every environment. */
  readonly environment: string;
}

/**
 * The fully qualified name of a producer stack, `<organization>/<project>/<environment>`. Throws naming the part,
 * its value and the expected form when a part could not be part of a stack name.
 */
export function stackReferenceName(parts: StackReferenceParts): string {
  const organization = parts.organization ?? pulumi.getOrganization();
  const checks: Array<[string, string, RegExp, string]> = [
    ['organization', organization, ORGANIZATION_PATTERN, ORGANIZATION_FORM],
    ['project', parts.project, PROJECT_PATTERN, PROJECT_FORM],
    ['environment', parts.environment, ENVIRONMENT_PATTERN, ENVIRONMENT_FORM],
  ];
  for (const [part, value, pattern, form] of checks) {
    if (!pattern.test(value)) throw new Error(`stack reference ${part} = ${JSON.stringify(value)}: expected ${form}`);
  }
  return `${organization}/${parts.project}/${parts.environment}`;
}
