import { z } from 'zod';

// Region codes are `<area>[-gov|-iso*]-<direction>-<n>`; matching the shape (not a fixed list) keeps new regions
// usable without a library release while still catching typos such as `eu-west1` or `EU-WEST-1`.
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[1-9]$/;

/** The expected form of a region, for error messages. */
export const AWS_REGION_FORM = 'an AWS region code such as "eu-west-1" or "us-gov-west-1"';

/** Validates one AWS region code. */
export const awsRegionSchema = z.string({ error: AWS_REGION_FORM }).regex(REGION_PATTERN, { error: AWS_REGION_FORM });
