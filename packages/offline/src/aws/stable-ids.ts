/** Deterministic ids in the shapes AWS gives them, for the resources the offline engine creates (ARNs: @bulwark/aws-model). */
import { createHash } from 'node:crypto';

/** A deterministic hex string derived from `seed`, so the same program always gets the same ids. */
export function stableHex(seed: string, length: number): string {
  let hex = '';
  for (let round = 0; hex.length < length; round++) {
    hex += createHash('sha256').update(`${round}:${seed}`).digest('hex');
  }
  return hex.slice(0, length);
}

/** A UUID-shaped deterministic id (KMS key ids and the like). */
export function stableUuid(seed: string): string {
  const hex = stableHex(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
