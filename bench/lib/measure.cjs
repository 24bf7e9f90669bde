// What the benchmarks measure of a command: its wall time, and, sampled every 50 ms from /proc, the peak resident
// memory of its process tree (the command and every process it starts, such as policy pack processes) and the CPU
// time the tree used (user + system, each process's last sample: up to 50 ms of a process's end is not counted).
// On a machine whose cores are all busy with other work, wall time follows the CPU time a command needs rather
// than how much of it runs in parallel: both are recorded.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { setInterval, clearInterval } = require('node:timers');

const TICKS_PER_SECOND = 100;

/**
 * The resident memory of a process and all its descendants, in bytes (0 once gone); with `cpu`, each process's
 * CPU seconds so far are recorded in it by pid.
 */
function treeResidentBytes(rootPid, cpu) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) || []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const visit = (pid) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) * 1024;
      if (cpu) {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name).
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
      }
    } catch {
      return;
    }
    for (const child of children.get(pid) || []) visit(child);
  };
  visit(rootPid);
  return total;
}

/**
 * Runs `command args` and resolves with its exit code, stdout, stderr, wall seconds, peak tree memory (bytes) and
 * tree CPU seconds.
 * Exit codes in `accept` (default 0 and 1: a complete evaluation, with or without mandatory findings) resolve;
 * any other rejects with its stderr.
 */
function measure(command, args, { cwd, env, accept = [0, 1] } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const cpu = new Map();
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sampler = setInterval(() => (peak = Math.max(peak, treeResidentBytes(child.pid, cpu))), 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!accept.includes(code)) {
        reject(new Error(`${[command, ...args].join(' ')} exited ${code}:\n${stderr.slice(-4000)}`));
        return;
      }
      resolve({ code, stdout, stderr, seconds, peak, cpuSeconds: [...cpu.values()].reduce((total, used) => total + used, 0) });
    });
  });
}

/** The median of some numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { measure, median, treeResidentBytes };
