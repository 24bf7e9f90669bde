/**
 * Recognising RDS read replicas: several RDS rules judge a replica through its source instance instead.
 */
import { stringValue, UNDECIDED } from '@bulwark/policy-kit';

/** True when the instance inputs make it a read replica: `replicateSourceDb` is set (an unknown ARN counts). */
export function isRdsReadReplica(props: Record<string, unknown>): boolean {
  const source = stringValue(props['replicateSourceDb']);
  return source === UNDECIDED || (typeof source === 'string' && source !== '');
}
