// Preloaded into the CLI by bench/hostile.ts: reports the process's peak resident memory on fd 3 as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS * 1024));
  } catch {
    // fd 3 is only open when the bench started us.
  }
});
