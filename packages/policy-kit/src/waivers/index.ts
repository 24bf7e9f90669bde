/** Waivers: the pack's waiver file and the lookup that downgrades waived findings to advisory. */
export { loadWaivers, parseWaivers, WaiverFileError, type Waiver, type ParseWaiversOptions } from './waiver-file';
export { waiverLookup, isExpired, waiverExpiry, waiverText, type WaiverLookup } from './waiver-lookup';
export { resourceMatcher, isUrnGlob, type ResourceMatcher } from './resource-glob';
