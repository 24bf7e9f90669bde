import type { PolicyResource } from '@pulumi/policy';
import { dependencyTypes, identifiersOf, linkIndex, refersTo, reportUncovered } from './links';
import { UNKNOWN } from '@bulwark/aws-model';

const BUCKET = 'aws:s3/bucket:Bucket';
const COMPANION = 'aws:s3/bucketVersioning:BucketVersioning';
const IDENTIFIERS = ['bucket', 'id', 'arn'];

function policyResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependencies: Record<string, readonly PolicyResource[]> = {},
): PolicyResource {
  return { type, name, urn: `urn:pulumi:test::test::${type}::${name}`, props, propertyDependencies: dependencies } as unknown as PolicyResource;
}

describe('linkIndex', () => {
  const logs = policyResource(BUCKET, 'logs', { bucket: 'logs-bucket', arn: 'arn:aws:s3:::logs-bucket' });
  const data = policyResource(BUCKET, 'data', { bucket: UNKNOWN });
  const twin = policyResource(BUCKET, 'twin', { bucket: 'logs-bucket' });
  const byDependency = policyResource(COMPANION, 'byDependency', { bucket: UNKNOWN }, { bucket: [data] });
  const byName = policyResource(COMPANION, 'byName', { bucket: 'logs-bucket' });
  const byArn = policyResource(COMPANION, 'byArn', { bucket: 'arn:aws:s3:::logs-bucket' });
  const unlinked = policyResource(COMPANION, 'unlinked', { bucket: UNKNOWN });
  const elsewhere = policyResource(COMPANION, 'elsewhere', { bucket: 'other-bucket' });
  const resources = [logs, byDependency, data, byName, twin, byArn, unlinked, elsewhere];
  const index = linkIndex(resources, [COMPANION], 'bucket', [BUCKET], IDENTIFIERS);

  it('links each pair exactly as refersTo does', () => {
    for (const target of [logs, data, twin]) {
      const expected = [byDependency, byName, byArn, unlinked, elsewhere].filter((source) =>
        refersTo(source, 'bucket', target, identifiersOf(target, IDENTIFIERS)),
      );
      expect(index.linkedTo(target).map((source) => source.name)).toEqual(expected.map((source) => source.name));
    }
    expect(index.linkedTo(logs).map((source) => source.name)).toEqual(['byName', 'byArn']);
    expect(index.linkedTo(data).map((source) => source.name)).toEqual(['byDependency']);
  });

  it('gives the targets of a source in stack order, and none for a source naming nothing in the stack', () => {
    expect(index.targetsOf(byName).map((target) => target.name)).toEqual(['logs', 'twin']);
    expect(index.targetsOf(elsewhere)).toEqual([]);
  });

  it('lists the sources whose property is unknown with no dependency as unlinked', () => {
    expect(index.unlinked.map((source) => source.name)).toEqual(['unlinked']);
  });
});

describe('reportUncovered', () => {
  const first = policyResource(BUCKET, 'first', {});
  const second = policyResource(BUCKET, 'second', {});
  const companion = policyResource(COMPANION, 'companion', { bucket: UNKNOWN });
  const uncovered = [
    { target: first, message: 'first is uncovered' },
    { target: second, message: 'second is uncovered' },
  ];

  it('reports each target on its URN when no source is unlinked', () => {
    const report = jest.fn();
    reportUncovered(report, uncovered, [], () => 'stack-wide');
    expect(report.mock.calls).toEqual([
      ['first is uncovered', first.urn],
      ['second is uncovered', second.urn],
    ]);
  });

  it('reports once for the stack only when there are more uncovered targets than unlinked sources', () => {
    const report = jest.fn();
    reportUncovered(report, uncovered, [companion], () => 'stack-wide');
    expect(report.mock.calls).toEqual([['stack-wide']]);
    report.mockClear();
    reportUncovered(report, uncovered.slice(0, 1), [companion], () => 'stack-wide');
    expect(report).not.toHaveBeenCalled();
  });

  it('reports each unlinked source undecided when it may cover every uncovered target', () => {
    const report = jest.fn();
    const undecided = jest.fn();
    const detail = (targets: readonly { target: PolicyResource }[]) => `it decides whether ${targets.map(({ target }) => target.name).join(', ')} are covered`;
    reportUncovered(report, uncovered.slice(0, 1), [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    expect(report).not.toHaveBeenCalled();
    expect(undecided.mock.calls).toEqual([['bucket', 'it decides whether first are covered', companion.urn]]);
    // The stack-wide violation is the verdict when some target is surely uncovered; nothing uncovered, nothing open.
    undecided.mockClear();
    reportUncovered(report, uncovered, [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    reportUncovered(report, [], [companion], () => 'stack-wide', { undecided, property: 'bucket', detail });
    expect(undecided).not.toHaveBeenCalled();
  });
});

describe('dependencyTypes', () => {
  it('lists the types a property is computed from', () => {
    const key = policyResource('aws:kms/key:Key', 'key', {});
    const table = policyResource('aws:dynamodb/table:Table', 'table', {}, { serverSideEncryption: [key] });
    expect(dependencyTypes(table, 'serverSideEncryption')).toEqual(['aws:kms/key:Key']);
    expect(dependencyTypes(table, 'tags')).toEqual([]);
  });
});
