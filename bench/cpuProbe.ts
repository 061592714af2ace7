/**
 * CPU of the server processes (from /proc), of this load generator and of the rest of the box over
 * a measured window, and 1-s samples for peaks: what every scenario's CPU figures come from.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  cpuSeconds,
  cpuSecondsEach,
  machineBusySeconds,
  processTree,
  rssMB,
  storePids,
} from './proc';
import type { CpuWindow } from './types';

/** CPU of the stores' processes over a window (processes that came or went count while alive). */
function storeProbe() {
  const pids = storePids();
  const s0 = cpuSecondsEach(pids);
  return () => {
    const now = storePids();
    const s1 = cpuSecondsEach([...new Set([...pids, ...now])]);
    let sec = 0;
    for (const [pid, t1] of s1) sec += t1 - (s0.get(pid) ?? 0);
    return sec;
  };
}

export function cpuProbe(serverPids: readonly number[], measureStores: boolean) {
  // pids[0] is the first server: cpuSeconds/rssMB return null once it is gone
  const pids = serverPids.flatMap((pid) => processTree(pid));
  const stores = measureStores ? storeProbe() : null;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const s0 = cpuSeconds(pids);
  const c0 = process.cpuUsage();
  const m0 = machineBusySeconds();
  const self0 = cpuSeconds([process.pid]);
  return {
    pids,
    finish(): (deliveries: number) => CpuWindow {
      const seconds = (performance.now() - t0) / 1000;
      const s1 = cpuSeconds(pids);
      const c = process.cpuUsage(c0);
      const m1 = machineBusySeconds();
      const self1 = cpuSeconds([process.pid]);
      const storeCpuSec = stores ? stores() : null;
      loop.disable();
      const loopP99 = Math.max(0, loop.percentile(99) / 1e6 - 10);
      const serverCpuSec = s0 !== null && s1 !== null ? s1 - s0 : null;
      const clientCpuSec = (c.user + c.system) / 1e6;
      // everything else on the box (other processes, kernel), in the same /proc tick units
      const otherCpuSec =
        m0 !== null && m1 !== null && serverCpuSec !== null && self0 !== null && self1 !== null
          ? Math.max(0, m1 - m0 - serverCpuSec - (self1 - self0) - (storeCpuSec ?? 0))
          : null;
      return (deliveries) => ({
        seconds,
        serverCpuSec,
        serverCpuPct: serverCpuSec !== null ? (serverCpuSec / seconds) * 100 : null,
        serverCpuUsPerDelivery:
          serverCpuSec !== null ? (serverCpuSec * 1e6) / Math.max(1, deliveries) : null,
        clientCpuPct: (clientCpuSec / seconds) * 100,
        clientCpuUsPerDelivery: (clientCpuSec * 1e6) / Math.max(1, deliveries),
        clientLoopDelayP99Ms: loopP99,
        otherCpuPct: otherCpuSec !== null ? (otherCpuSec / seconds) * 100 : null,
        storeCpuPct: storeCpuSec !== null ? (storeCpuSec / seconds) * 100 : null,
      });
    },
  };
}

/** 1-s samples of server CPU %, client CPU % and server RSS (for peaks during throughput). */
export function sampler(pids: readonly number[], maxSamples: number) {
  const series: { srvPct: number | null; cliPct: number; rss: number | null }[] = [];
  let tPrev = performance.now();
  let sPrev = cpuSeconds(pids);
  let cPrev = process.cpuUsage();
  const timer = setInterval(() => {
    const t = performance.now();
    const s = cpuSeconds(pids);
    const c = process.cpuUsage();
    const dt = (t - tPrev) / 1000;
    series.push({
      srvPct: s !== null && sPrev !== null ? ((s - sPrev) / dt) * 100 : null,
      cliPct: ((c.user - cPrev.user + c.system - cPrev.system) / 1e6 / dt) * 100,
      rss: rssMB(pids),
    });
    tPrev = t;
    sPrev = s;
    cPrev = c;
    if (series.length >= maxSamples) clearInterval(timer);
  }, 1000);
  return { series, stop: () => clearInterval(timer) };
}
