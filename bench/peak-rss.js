// Preloaded by the bench (node --require bench/peak-rss.js ...): on exit, the process's peak RSS in
// KiB and the CPU time in microseconds (every thread counted) are written to $THIDUA_BENCH_RSS_FILE.
// Nothing else changes.
const { isMainThread } = require('worker_threads');
if (isMainThread && process.env.THIDUA_BENCH_RSS_FILE) {
  process.on('exit', () => {
    try {
      require('fs').writeFileSync(process.env.THIDUA_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS} ${process.cpuUsage().user + process.cpuUsage().system}`);
    } catch {
      /* best effort: the bench reports 0 */
    }
  });
}
