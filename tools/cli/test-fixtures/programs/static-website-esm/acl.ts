/** The canned ACL objects get: public only when the site is served straight from the bucket. */
export function configureACL(publicSite: boolean): string {
  return publicSite ? 'public-read' : 'private';
}
