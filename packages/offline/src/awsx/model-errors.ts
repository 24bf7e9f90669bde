/**
 * The two ways a component model stops short of building the children. Any other exception from a model is a bug
 * in the offline engine and is reported as one.
 */

/**
 * An input that decides which children the provider builds (how many subnets, whether a security group exists)
 * is unknown offline. Guessing would check something other than what a real preview builds, so the component
 * stays opaque instead.
 */
export class UndecidableInputError extends Error {
  override readonly name = 'UndecidableInputError';
  constructor(
    /** The input's path in the component's arguments, e.g. `numberOfAvailabilityZones` or `subnetSpecs[0].type`. */
    readonly input: string,
    why = 'is unknown during this run',
  ) {
    super(`its input \`${input}\` ${why}, and it decides which resources the provider builds`);
  }
}

/** The provider itself would reject these arguments: a real preview fails with this message too. */
export class ComponentArgumentError extends Error {
  override readonly name = 'ComponentArgumentError';
}
