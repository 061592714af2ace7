/**
 * /proc readers (Linux): CPU time and resident memory of a process and its descendants, so a
 * server that forks helpers is still measured whole. Used by the load generator to sample the
 * server it is talking to (same host).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let clkTck: number | null = null;
/** Kernel clock ticks per second (the unit of utime/stime in /proc/<pid>/stat). */
export function clockTicks(): number {
  if (clkTck === null) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

interface StatLine {
  ppid: number;
  ticks: number;
}

function readStat(pid: number): StatLine | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after "(comm)": state ppid pgrp ... utime(14) stime(15) counted from 1
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/** pid and all its live descendants (one scan of /proc). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (!st) continue;
    const list = children.get(st.ppid) ?? [];
    list.push(Number(name));
    children.set(st.ppid, list);
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length > 0 && out.length < 1000) {
    const p = stack.pop() as number;
    out.push(p);
    for (const c of children.get(p) ?? []) stack.push(c);
  }
  return out;
}

/** utime+stime in seconds of the given pids (missing processes count 0); null if pids[0] is gone. */
export function cpuSeconds(pids: readonly number[]): number | null {
  let ticks = 0;
  for (const [i, pid] of pids.entries()) {
    const st = readStat(pid);
    if (!st) {
      if (i === 0) return null;
      continue;
    }
    ticks += st.ticks;
  }
  return ticks / clockTicks();
}

/** Sum of VmRSS in MB of the given pids; null if pids[0] is gone. */
export function rssMB(pids: readonly number[]): number | null {
  let kb = 0;
  for (const [i, pid] of pids.entries()) {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      if (i === 0) return null;
    }
  }
  return kb / 1024;
}

/**
 * CPU seconds all cores spent running processes since boot (/proc/stat user + nice + system).
 * irq/softirq time (loopback network processing, partly caused by the bench itself) and steal
 * are left out, so "busy minus server minus load generator" is the other processes' share.
 */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0);
    return busy / clockTicks();
  } catch {
    return null;
  }
}

/**
 * Every PostgreSQL and redis-server process on the box (postmaster, its backends, Redis): what
 * the scale-out runs lean on. They serve whoever else uses them too; the bench cannot tell apart.
 */
export function storePids(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const comm = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
      if (comm === 'postgres' || comm.startsWith('redis-server')) out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

/** utime+stime in seconds of the given pids, each counted only while it exists. */
export function cpuSecondsEach(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const st = readStat(pid);
    if (st) out.set(pid, st.ticks / clockTicks());
  }
  return out;
}
