/**
 * The awsx release the offline models follow. A model is only as true as the provider code it was read from, so
 * the version is pinned (as an exact devDependency of this package) and a spec fails when the installed SDK moves.
 */

/** The `@pulumi/awsx` version whose provider the models in this folder reproduce. */
export const AWSX_VERSION = '3.9.0';

/**
 * The `@pulumi/aws` SDK the awsx provider of {@link AWSX_VERSION} is built with (awsx pins it exactly and publishes
 * it as the SDK's `^` dependency). Its children register with this version, so without an explicit provider they
 * get the engine's default aws provider for it, as in a real preview.
 */
export const AWSX_PROVIDER_AWS_VERSION = '7.43.0';
