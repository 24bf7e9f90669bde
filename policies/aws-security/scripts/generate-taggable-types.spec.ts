import { readFileSync } from 'node:fs';
import { awsPackageDirectory, expectedTaggableTypesSource, findTaggableTypes, TAGGABLE_TYPES_FILE } from './generate-taggable-types';

describe('generate-taggable-types', () => {
  it('finds resources whose args take a tags map, and only those', () => {
    const types = findTaggableTypes(awsPackageDirectory());
    expect(types).toEqual(expect.arrayContaining(['aws:s3/bucketV2:BucketV2', 'aws:ec2/vpc:Vpc', 'aws:guardduty/detector:Detector']));
    // No tags input, a list of tag blocks, and a tag filter: not taggable by map.
    for (const type of ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', 'aws:autoscaling/group:Group', 'aws:devopsguru/resourceCollection:ResourceCollection']) {
      expect(types).not.toContain(type);
    }
  });

  it('the checked-in src/lib/taggable-types.ts is up to date (regenerate with the script when it is not)', () => {
    expect(readFileSync(TAGGABLE_TYPES_FILE, 'utf8')).toBe(expectedTaggableTypesSource());
  });
});
