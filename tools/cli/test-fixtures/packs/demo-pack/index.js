// A test pack served exactly as a real one: resource and stack policies, config with schema defaults,
// severities and metadata, a disabled policy.
'use strict';
const { PolicyPack } = require('@pulumi/policy');

new PolicyPack('demo-pack', { policies: require('./policies') });
