import { z } from 'zod';
import { listKey } from './config-key';
import { singleHostCidrSchema } from './single-host-cidr';

/**
 * The stack setting for hosts allowed to reach SSH (read as `<project>:sshAllowedCidrs`): each entry a single host,
 * so an allow-list can never open port 22 to a network. Not set means no SSH ingress at all.
 */
export const sshAllowedCidrsKey = listKey(
  z.array(singleHostCidrSchema).default([]),
  'a YAML list of single hosts, e.g. ["203.0.113.10/32", "2001:db8::10/128"]',
);
