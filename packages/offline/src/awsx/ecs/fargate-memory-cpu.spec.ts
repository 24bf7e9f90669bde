import { fargateMemoryAndCpu } from './fargate-memory-cpu';

describe('Fargate task size', () => {
  it.each<[string, Parameters<typeof fargateMemoryAndCpu>[0], { cpu: string; memory: string }]>([
    ['no requests: the smallest size', [{}], { cpu: '256', memory: '512' }],
    ['a small container', [{ cpu: 128, memory: 512 }], { cpu: '256', memory: '512' }],
    ['memory reservation counts instead of memory', [{ cpu: 256, memory: 4096, memoryReservation: 1024 }], { cpu: '256', memory: '1024' }],
    ['two containers add up', [{ cpu: 512, memory: 1024 }, { cpu: 512, memory: 1024 }], { cpu: '1024', memory: '2048' }],
    // The smallest memory that comes with 2 vCPU is 4 GB.
    ['more CPU than memory', [{ cpu: 2048, memory: 512 }], { cpu: '2048', memory: '4096' }],
  ])('%s', (_title, containers, expected) => {
    expect(fargateMemoryAndCpu(containers)).toEqual(expected);
  });

  it('refuses more than Fargate offers, as the provider does', () => {
    expect(() => fargateMemoryAndCpu([{ cpu: 64 * 1024 }])).toThrow('Requested resources exceed the maximum allowed for Fargate. Requested: 64 vCPU and 0GB.');
  });
});
