/**
 * RDS identifiers (CreateDBInstance and CreateDBCluster API references): a DB instance or cluster identifier holds
 * 1 to 63 letters, digits or hyphens, begins with a letter, holds no two consecutive hyphens and does not end with
 * one; a DB parameter group name follows the same rules up to 255 characters; a DB subnet group name holds up to 255
 * letters, digits, periods, underscores, spaces or hyphens and is not "default". RDS stores identifiers in lower case.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, type NameRule, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const identifier = (what: string, max: number): NameRule => ({ what, min: 1, max, characters: 'A-Za-z0-9-', ends: 'letter', hyphens: ['double', 'trailing'] });

const NAMED: readonly NamedInput[] = [
  { type: 'aws:rds/instance:Instance', property: 'identifier', prefixProperty: 'identifierPrefix', rule: identifier('DB instance identifier', 63) },
  { type: 'aws:rds/cluster:Cluster', property: 'clusterIdentifier', prefixProperty: 'clusterIdentifierPrefix', rule: identifier('DB cluster identifier', 63) },
  { type: 'aws:rds/parameterGroup:ParameterGroup', property: 'name', prefixProperty: 'namePrefix', rule: identifier('DB parameter group name', 255) },
  {
    type: 'aws:rds/subnetGroup:SubnetGroup',
    property: 'name',
    prefixProperty: 'namePrefix',
    rule: { what: 'DB subnet group name', min: 1, max: 255, characters: 'A-Za-z0-9._ -', reservedNames: ['default'] },
  },
];

export const rdsIdentifiers = resourceRule({
  metadata: {
    id: 'rds-identifiers',
    title: 'RDS identifiers follow RDS naming rules',
    description:
      'DB instance and cluster identifiers hold 1-63 letters, digits or hyphens, begin with a letter and hold no double ' +
      'or trailing hyphen; parameter group names follow the same rules up to 255 characters; subnet group names hold up ' +
      'to 255 letters, digits, periods, underscores, spaces or hyphens and are not "default". RDS refuses anything else.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: {},
    resourceTypes: NAMED.map((input) => input.type),
    remediation: 'Build identifiers with core\'s physicalName (a letter first, single hyphens, within the limit).',
    references: [AWS_DOCS.rdsNaming, AWS_DOCS.rdsClusterNaming],
  },
  check: ({ args, report, undecided }) => checkNamedInputs(NAMED, args.type, rawProps(args.props), report, undecided, stringValue),
});
