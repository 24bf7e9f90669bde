export const OBJECT_ACL = 'private';
