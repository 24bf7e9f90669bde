/**
 * Symmetric encryption keys rotate their key material yearly (`enableKeyRotation: true`). Rotation limits how
 * much data one key version protects. Asymmetric and HMAC keys cannot rotate automatically, nor can keys in a
 * custom key store, so they are out of scope.
 */
import { boolValue, isUnknown, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const KEY_TYPE = 'aws:kms/key:Key';

export const kmsKeyRotation = resourceRule({
  metadata: {
    id: 'kms-key-rotation',
    title: 'Symmetric KMS keys rotate automatically',
    description:
      'A symmetric KMS key (customerMasterKeySpec / keySpec SYMMETRIC_DEFAULT or unset) must set enableKeyRotation ' +
      'to true, so that its key material is rotated. Asymmetric, HMAC and custom-key-store keys cannot rotate and are exempt.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: { fsbp: ['KMS.4'], cis: ['3.6'] },
    resourceTypes: [KEY_TYPE],
    remediation: 'Set `enableKeyRotation: true` on the aws.kms.Key (optionally `rotationPeriodInDays`, 90 to 2560).',
    decisions: [
      'A key is symmetric when neither `customerMasterKeySpec` nor `keySpec` names another spec. A key in a custom key ' +
        'store (`customKeyStoreId` set, or computed: any value names a store) cannot rotate automatically and is exempt.',
      'Unknown values (first preview): an unknown spec, when rotation is not decidedly on, and an unknown ' +
        '`enableKeyRotation` on a symmetric key are reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== KEY_TYPE) return;
    const props = rawProps(args.props);
    const rotation = boolValue(props['enableKeyRotation']);
    if (rotation === true) return;
    const detail = 'its value decides whether the key material is rotated';
    const specs = [stringValue(props['customerMasterKeySpec']), stringValue(props['keySpec'])];
    if (specs.some((spec) => typeof spec === 'string' && spec !== '' && spec !== 'SYMMETRIC_DEFAULT')) return;
    const store = props['customKeyStoreId'];
    if (isUnknown(store) || (typeof store === 'string' && store !== '')) return;
    const unknownSpecs = (['customerMasterKeySpec', 'keySpec'] as const).filter((_property, index) => specs[index] === UNDECIDED);
    if (unknownSpecs.length > 0 || rotation === UNDECIDED) {
      for (const property of [...unknownSpecs, ...(rotation === UNDECIDED ? ['enableKeyRotation'] : [])]) undecided(property, detail);
      return;
    }
    report(
      `${args.name}: \`enableKeyRotation\` is ${rotation === false ? 'false' : 'unset'} on a symmetric key: set it to true.`,
    );
  },
});
