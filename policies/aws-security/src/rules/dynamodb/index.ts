import { type RuleDefinition } from '@bulwark/policy-kit';
import { dynamodbEncryptionKms } from './dynamodb-encryption-kms';
import { dynamodbPitr } from './dynamodb-pitr';

/** The dynamodb rules, in catalog order. */
export const dynamodbRules: readonly RuleDefinition[] = [dynamodbEncryptionKms, dynamodbPitr];
