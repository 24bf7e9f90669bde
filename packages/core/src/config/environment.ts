import { z } from 'zod';

/** The deployment environments a stack can be: each one is its own account-level blast radius. */
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/** The environment a stack deploys: `dev`, `staging` or `prod`. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Validates `bulwark:environment`. */
export const environmentSchema = z.enum(ENVIRONMENTS, { error: `one of ${ENVIRONMENTS.join(', ')}` });
