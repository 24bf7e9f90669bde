/** The shape of an offline model of one remote component type. */
import { type ComponentBuilder, type ModelValue } from './component-builder';
import { type ComponentInputs } from './component-inputs';

/** The component's outputs, as its provider's Construct answers them (resource-typed ones as resource handles). */
export type ComponentOutputs = { readonly [property: string]: ModelValue };

export interface ComponentModel {
  /** The component's type token, e.g. `awsx:ec2:Vpc`. */
  readonly type: string;
  /**
   * Registers, through `build`, every resource the provider registers for these inputs, in its order, and returns
   * the component's outputs. Throws `UndecidableInputError` for an input it cannot decide offline and
   * `ComponentArgumentError` where the provider itself would reject the inputs.
   */
  expand(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs;
}
