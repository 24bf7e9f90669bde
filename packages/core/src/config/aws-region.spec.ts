import { availabilityZoneSchema, awsRegionSchema } from './aws-region';

describe('availabilityZoneSchema', () => {
  it.each(['eu-west-1a', 'us-gov-west-1b', 'us-east-1f'])('accepts %s', (zone) => {
    expect(availabilityZoneSchema.safeParse(zone).success).toBe(true);
  });

  it.each(['eu-west-1', 'EU-WEST-1A', 'eu-west-1ab', 'eu-west1a'])('rejects %s, naming the expected form', (zone) => {
    const parsed = availabilityZoneSchema.safeParse(zone);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe('an availability zone name such as "eu-west-1a"');
  });

  it('is a region code and one letter, so every zone of a valid region is valid', () => {
    for (const region of ['eu-west-1', 'us-gov-west-1', 'ap-southeast-3']) {
      expect(awsRegionSchema.safeParse(region).success).toBe(true);
      expect(availabilityZoneSchema.safeParse(`${region}c`).success).toBe(true);
    }
  });
});
