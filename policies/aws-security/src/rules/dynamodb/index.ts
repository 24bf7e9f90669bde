import { type RuleDefinition } from '../../rule';
import { dynamodbEncryptionKms } from './dynamodb-encryption-kms';
import { dynamodbPitr } from './dynamodb-pitr';

/** The dynamodb rules, in catalog order. */
export const dynamodbRules: readonly RuleDefinition[] = [dynamodbEncryptionKms, dynamodbPitr];
