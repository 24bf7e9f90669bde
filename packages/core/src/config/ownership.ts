import { z } from 'zod';

// AWS tag values: up to 256 letters, digits, spaces and `_ . : / = + - @`; `aws:` is reserved.
const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const OWNER_FORM = 'a team or person (e.g. "platform-team" or "alice@example.com"): 1 to 256 letters, digits, spaces or _ . : / = + - @, not starting with "aws:"';

/** Validates `bulwark:owner`, which becomes the `Owner` tag on every resource. */
export const ownerSchema = z
  .string({ error: OWNER_FORM })
  .min(1, { error: OWNER_FORM })
  .max(256, { error: OWNER_FORM })
  .regex(TAG_VALUE_PATTERN, { error: OWNER_FORM })
  .refine((owner) => !owner.toLowerCase().startsWith('aws:'), { error: OWNER_FORM });

// The project is both the `Project` tag and the first part of every physical name, so it must fit the
// strictest naming rules we target (S3, RDS): lowercase, starts with a letter, single hyphens only.
const PROJECT_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PROJECT_FORM = 'a lowercase slug of 2 to 20 characters (letters, digits, single hyphens; starts with a letter, e.g. "bulwark"), not starting with "xn-" or "sthree-"';

/** Validates `bulwark:project`, the `Project` tag and the prefix of every physical resource name. */
export const projectSchema = z
  .string({ error: PROJECT_FORM })
  .min(2, { error: PROJECT_FORM })
  .max(20, { error: PROJECT_FORM })
  .regex(PROJECT_PATTERN, { error: PROJECT_FORM })
  // S3 reserves these bucket-name prefixes; the project starts every bucket name.
  .refine((project) => !project.startsWith('xn-') && !project.startsWith('sthree-'), { error: PROJECT_FORM });
