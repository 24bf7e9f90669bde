import { type RuleMetadata } from '../rule-metadata';

/** Metadata of a made-up rule for the kit's own specs (not exported from the testing entry). */
export function sampleMetadata(overrides: Partial<RuleMetadata> = {}): RuleMetadata {
  return {
    id: 'queue-encrypted',
    title: 'Queues are encrypted',
    description: 'Queues encrypt their messages.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'sqs',
    controls: {},
    resourceTypes: ['aws:sqs/queue:Queue'],
    remediation: 'Set encrypted: true.',
    ...overrides,
  };
}
