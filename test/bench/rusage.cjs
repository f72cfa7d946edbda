// Preloaded (`node -r`) into a process the benchmark measures: at exit it writes the process's CPU
// time (all threads) and peak resident set size to the file named by BENCH_RUSAGE_OUT.
const fs = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  fs.writeFileSync(process.env.BENCH_RUSAGE_OUT, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }));
});
