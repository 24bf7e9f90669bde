import { type RuleDefinition } from '@bulwark/policy-kit';
import { ec2EbsEncryptionKms } from './ec2-ebs-encryption-kms';
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption';
import { ec2Imdsv2Required } from './ec2-imdsv2-required';
import { ec2NoPublicIp } from './ec2-no-public-ip';
import { sgNoPublicAdminIngress } from './sg-no-public-admin-ingress';
import { sgSshSingleHost } from './sg-ssh-single-host';
import { sgNoPublicHighRiskPorts } from './sg-no-public-high-risk-ports';
import { naclNoPublicAdminIngress } from './nacl-no-public-admin-ingress';

/** The ec2 rules, in catalog order. */
export const ec2Rules: readonly RuleDefinition[] = [
  ec2EbsEncryptionKms,
  ec2EbsDefaultEncryption,
  ec2Imdsv2Required,
  ec2NoPublicIp,
  sgNoPublicAdminIngress,
  sgSshSingleHost,
  sgNoPublicHighRiskPorts,
  naclNoPublicAdminIngress,
];
