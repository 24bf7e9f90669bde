/**
 * The task-level `cpu` and `memory` awsx gives a Fargate task definition that does not set them: the first
 * Fargate configuration that covers what the containers ask for. The provider means "the cheapest", but it sorts
 * its table in place three times (by cost, then vCPU, then memory), so the search actually runs by memory, then
 * vCPU. Reproduced as it runs, since the result is what AWS is asked for.
 */
import { ComponentArgumentError } from '../model-errors';

interface FargateConfiguration {
  readonly vcpu: number;
  readonly memGB: number;
}

function range(low: number, high: number): number[] {
  return Array.from({ length: high - low + 1 }, (_unused, index) => low + index);
}

const OFFERED: readonly (readonly [number, readonly number[]])[] = [
  [0.25, [0.5, 1, 2]],
  [0.5, range(1, 4)],
  [1, range(2, 8)],
  [2, range(4, 16)],
  [4, range(8, 30)],
  [8, range(16, 60)],
  [16, range(32, 120)],
  [32, [60, 120, 244]],
];

const cost = (configuration: FargateConfiguration) => 0.04048 * configuration.vcpu + 0.004445 * configuration.memGB;

/** The provider's table after its three stable in-place sorts. */
const SEARCH_ORDER: readonly FargateConfiguration[] = OFFERED.flatMap(([vcpu, memories]) => memories.map((memGB) => ({ vcpu, memGB })))
  .sort((a, b) => cost(a) - cost(b))
  .sort((a, b) => a.vcpu - b.vcpu)
  .sort((a, b) => a.memGB - b.memGB);

const MAX_VCPU = 32;
const MAX_MEMORY_GB = 244;

/** What one container asks for, in CPU units and MiB. */
export interface ContainerRequest {
  readonly cpu?: unknown;
  readonly memory?: unknown;
  readonly memoryReservation?: unknown;
}

/** `cpu` and `memory` (strings, in CPU units and MiB) for containers asking for these amounts. */
export function fargateMemoryAndCpu(containers: readonly ContainerRequest[]): { cpu: string; memory: string } {
  let memoryMiB = 0;
  let cpuUnits = 0;
  for (const container of containers) {
    if (container.memoryReservation) memoryMiB += Number(container.memoryReservation);
    else if (container.memory) memoryMiB += Number(container.memory);
    if (container.cpu) cpuUnits += Number(container.cpu);
  }
  const vcpu = cpuUnits / 1024;
  const memGB = memoryMiB / 1024;
  if (vcpu > MAX_VCPU || memGB > MAX_MEMORY_GB) {
    throw new ComponentArgumentError(
      `Requested resources exceed the maximum allowed for Fargate. Requested: ${vcpu} vCPU and ${memGB}GB. Max: ${MAX_VCPU} vCPU and ${MAX_MEMORY_GB}GB.`,
    );
  }
  const configuration = SEARCH_ORDER.find((candidate) => candidate.vcpu >= vcpu && candidate.memGB >= memGB);
  if (!configuration) throw new ComponentArgumentError(`Could not find fargate config that could satisfy: ${vcpu} vCPU and ${memGB}GB.`);
  return { memory: `${configuration.memGB * 1024}`, cpu: `${configuration.vcpu * 1024}` };
}
