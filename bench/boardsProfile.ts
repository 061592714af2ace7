/**
 * `npm run bench:boards -- --profile DIR`: the page's JavaScript CPU profile (DevTools protocol)
 * around a measured gesture, written as DIR/<name>.cpuprofile (open it in Chrome DevTools'
 * Performance panel or speedscope) and summed up on stderr as the functions with the most self
 * time. What bounds a gesture's long frames is then named, not guessed (issue 15). Profiling slows
 * the page: a profiled run's frame figures are not comparable with an unprofiled run's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `during` under the profiler when `dir` is set; otherwise just runs it. */
export async function profiled<T>(
  cdp: CDPSession,
  dir: string,
  name: string,
  during: () => Promise<T>,
): Promise<T> {
  if (!dir) return during();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await during();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`profile of ${name}: ${file}\n${topSelfTime(profile, 12)}`);
  }
}

/** The functions with the most self time, one line each: ms, share, name and where. */
export function topSelfTime(profile: Profile, count: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, us]) =>
        `  ${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
    )
    .join('\n');
}
