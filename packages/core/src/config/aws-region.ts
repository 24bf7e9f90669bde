import { z } from 'zod';

// Region codes are `<area>[-gov|-iso*]-<direction>-<n>`; matching the shape (not a fixed list) keeps new regions
// usable without a library release while still catching typos such as `eu-west1` or `EU-WEST-1`.
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[1-9]$/;

/** The expected form of a region, for error messages. */
export const AWS_REGION_FORM = 'an AWS region code such as "eu-west-1" or "us-gov-west-1"';

/** Validates one AWS region code. */
export const awsRegionSchema = z.string({ error: AWS_REGION_FORM }).regex(REGION_PATTERN, { error: AWS_REGION_FORM });

// A zone is its region's code and one letter (`eu-west-1a`); built from the region pattern so the two cannot drift.
const AVAILABILITY_ZONE_PATTERN = new RegExp(`${REGION_PATTERN.source.slice(0, -1)}[a-z]$`);
const AVAILABILITY_ZONE_FORM = 'an availability zone name such as "eu-west-1a"';

/** Validates one availability zone name (its shape only: whether it belongs to the stack's region is the caller's check). */
export const availabilityZoneSchema = z.string({ error: AVAILABILITY_ZONE_FORM }).regex(AVAILABILITY_ZONE_PATTERN, { error: AVAILABILITY_ZONE_FORM });
