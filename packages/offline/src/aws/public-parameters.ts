/**
 * The public SSM parameters AWS publishes for everyone under `/aws/service/`, as the offline engine answers them.
 * Most name the latest image of an operating system and hold its AMI id; the ECS- and EKS-optimized AMI
 * parameters named after a version (`.../amazon-linux-2/recommended`) hold a JSON document describing the image
 * instead, with one sub-parameter per field (`.../recommended/image_id`). A program parses that document
 * (`JSON.parse(value).image_id`, as `@pulumi/awsx/classic` does), so the offline answer has the same shape: a
 * placeholder image, labelled as one, whose id is the same whether it is read from the document or from its
 * `image_id` sub-parameter.
 *
 * Formats: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html (Linux),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_windows_AMI.html (Windows),
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters-eks.html (EKS).
 */
import { stableHex } from './stable-ids';

/** Public parameters whose value is an image: latest AMIs of Amazon Linux, Windows, Bottlerocket, ECS, EKS... */
const PUBLIC_IMAGE_PARAMETER =
  /^\/aws\/service\/.*\bami\b|^\/aws\/service\/ami-|^\/aws\/service\/(ami-amazon-linux|ami-windows|canonical|debian|bottlerocket|ecs\/optimized-ami|eks\/optimized-ami)/;

/** Parameters that hold an image's metadata document rather than its id (each field is also a sub-parameter). */
const METADATA_DOCUMENT =
  /^\/aws\/service\/(ecs\/optimized-ami\/.+\/(recommended|[^/]*ami[^/]*)|eks\/optimized-ami\/.+\/recommended|ami-windows-latest\/[^/]+-ECS_Optimized)$/;

/** The sub-parameters of an ECS-optimized image's document. */
const ECS_FIELDS = ['image_id', 'image_name', 'os', 'schema_version', 'ecs_agent_version', 'ecs_runtime_version', 'source_image_name'];

/** The sub-parameters of an EKS-optimized image's document. */
const EKS_FIELDS = ['image_id', 'image_name', 'release_version', 'schema_version'];

/** A placeholder image id for a public parameter, stable per region and parameter. */
function placeholderImageId(region: string, name: string): string {
  return `ami-${stableHex(`${region}:${name}`, 17)}`;
}

/** The metadata document a versioned ECS- or EKS-optimized image parameter holds, every field a placeholder. */
function metadataDocument(region: string, name: string): Record<string, string | number> {
  const imageId = placeholderImageId(region, `${name}/image_id`);
  const imageName = `bulwark-offline-placeholder-${imageId}`;
  if (name.startsWith('/aws/service/eks/')) {
    return { schema_version: '2', image_id: imageId, image_name: imageName, release_version: 'bulwark-offline-placeholder' };
  }
  return {
    schema_version: 1,
    image_id: imageId,
    image_name: imageName,
    os: name.includes('windows') ? 'Windows' : 'Amazon Linux',
    ecs_agent_version: 'bulwark-offline-placeholder',
    ecs_runtime_version: 'bulwark-offline-placeholder',
    source_image_name: imageName,
  };
}

/** The field a sub-parameter of a metadata document names, with the document's parameter name; else undefined. */
function documentField(name: string): { readonly document: string; readonly field: string } | undefined {
  const slash = name.lastIndexOf('/');
  const document = name.slice(0, slash);
  const field = name.slice(slash + 1);
  if (!METADATA_DOCUMENT.test(document)) return undefined;
  const fields = document.startsWith('/aws/service/eks/') ? EKS_FIELDS : ECS_FIELDS;
  return fields.includes(field) ? { document, field } : undefined;
}

/**
 * The value of a public `/aws/service/...` image parameter in a region, or undefined when the name is not one
 * (such a parameter holds what only the account knows).
 */
export function publicParameterValue(name: string, region: string): string | undefined {
  const sub = documentField(name);
  if (sub) return String(metadataDocument(region, sub.document)[sub.field]);
  if (METADATA_DOCUMENT.test(name)) return JSON.stringify(metadataDocument(region, name));
  if (PUBLIC_IMAGE_PARAMETER.test(name)) return placeholderImageId(region, name);
  return undefined;
}
