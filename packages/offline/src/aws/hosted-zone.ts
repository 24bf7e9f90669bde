/**
 * `aws.route53.getZone` offline: a public hosted zone for the name asked for (or the id), with the id and name
 * servers Route 53 would assign derived from the name, and a comment that says it is a placeholder. A program
 * that looks its zone up to add records then runs, and policies judge the records; a private zone (`privateZone`
 * or a `vpcId`) belongs to infrastructure only the account knows, and needs a fixture.
 */
import { partitionOf } from '@bulwark/aws-model';
import { stableHex } from './stable-ids';
import { type AwsEnvironment } from './aws-environment';
import { route53NameServers } from './resource-outputs';

type Json = Record<string, unknown>;

/** `aws:route53/getZone:getZone`, or undefined for a private zone. */
export function getZone(args: Json, environment: AwsEnvironment): Json | undefined {
  if (args['privateZone'] === true || typeof args['vpcId'] === 'string') return undefined;
  const given = typeof args['name'] === 'string' ? args['name'].replace(/\.$/, '') : undefined;
  const zoneId = typeof args['zoneId'] === 'string' ? args['zoneId'] : `Z${stableHex(`zone:${given ?? ''}`, 20).toUpperCase()}`;
  const name = given ?? `zone-${zoneId.toLowerCase()}.example`;
  const nameServers = route53NameServers(`zone:${name}`);
  return {
    id: zoneId,
    zoneId,
    arn: `arn:${partitionOf(environment.region)}:route53:::hostedzone/${zoneId}`,
    name,
    callerReference: `bulwark-offline-${zoneId}`,
    comment: `offline placeholder for the hosted zone ${name}; give the real one with --invoke-fixtures`,
    enableAcceleratedRecovery: false,
    linkedServiceDescription: '',
    linkedServicePrincipal: '',
    nameServers,
    primaryNameServer: nameServers[0],
    privateZone: false,
    resourceRecordSetCount: 2,
    tags: {},
    vpcId: '',
  };
}
