import { z } from 'zod';

const UNIQUE_ID_FORM = '4 to 8 lowercase letters or digits (e.g. "k3x9q2"), unique to this organisation';

/**
 * Validates `bulwark:uniqueId`: a short suffix that makes globally unique names (S3 buckets) ours without the
 * random suffixes of auto-naming, so names stay deterministic across runs and machines.
 */
export const uniqueIdSchema = z
  .string({ error: UNIQUE_ID_FORM })
  .regex(/^[a-z0-9]{4,8}$/, { error: UNIQUE_ID_FORM });
