import { type KeyServiceGrant } from '@bulwark/core';

/**
 * AWS Config delivering configuration history and snapshots into an SSE-KMS bucket, for this account's
 * recorder only (aws:SourceAccount: Config is a service principal any account's recorder could otherwise drive).
 */
export function configDeliveryKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowConfigDelivery',
    servicePrincipal: 'config.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    conditions: ({ accountId }) => ({ StringEquals: { 'aws:SourceAccount': accountId } }),
  };
}
