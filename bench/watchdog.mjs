// Preloaded (node --import) into each server the bench starts: the server exits by itself when
// the bench process that started it is gone, or after a hard time limit. One 1-Hz unref'd timer,
// nothing else; the server's own code is untouched.
const parent = Number(process.env.BENCH_PARENT_PID) || 0;
const limitMs = (Number(process.env.BENCH_WATCHDOG_S) || 900) * 1000;
const started = Date.now();
setInterval(() => {
  if ((parent > 0 && process.ppid !== parent) || Date.now() - started > limitMs) {
    process.exit(70);
  }
}, 1000).unref();
