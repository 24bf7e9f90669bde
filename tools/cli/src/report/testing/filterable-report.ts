/**
 * A report for the HTML page's tests: two stacks, findings of every level, several rules and severities, the
 * modes that found each finding, and hostile text (markup, quotes) in a message, a waiver and a resource name.
 */
import { toViolation, type Report } from '../report-model';
import { sampleFinding, sampleReport, sampleStack, undecidedFinding, waivedFinding, withModes } from './sample-report';

export const HOSTILE_MESSAGE = 'name </td></tr><script>window.injected = true</script><img src=x onerror="window.injected = true">';

/** The report, and the (stack, rule, level) of each finding in the order the page lists them. */
export function filterableReport(): Report {
  const data = sampleStack('data', [sampleFinding(), undecidedFinding({ urn: 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::site' })]);
  const edge = sampleStack('edge', []);
  return sampleReport([
    {
      ...data,
      violations: [
        withModes(toViolation(sampleFinding()), ['preview', 'update']),
        withModes(toViolation(waivedFinding({ message: 'Buckets log access.\nwaived: <b>legacy</b> "bucket" (platform, expires 2030-01-01)' })), ['update']),
        withModes(toViolation(undecidedFinding({ urn: 'urn:pulumi:dev::data::aws:s3/bucketPolicy:BucketPolicy::site' })), ['preview']),
      ],
    },
    {
      ...edge,
      resources: [{ urn: 'urn:pulumi:dev::edge::aws:s3/bucket:Bucket::x"><b>bold', type: 'aws:s3/bucket:Bucket', name: 'x"><b>bold' }],
      violations: [
        withModes(toViolation(sampleFinding({ policy: 'no-script', severity: 'low', enforcement: 'advisory', urn: 'urn:pulumi:dev::edge::aws:s3/bucket:Bucket::x"><b>bold', message: HOSTILE_MESSAGE })), ['preview']),
        withModes(toViolation(sampleFinding({ urn: undefined, policy: 'stack-tags', severity: undefined, message: 'the stack has no tags' })), ['preview', 'update']),
      ],
    },
  ]);
}
