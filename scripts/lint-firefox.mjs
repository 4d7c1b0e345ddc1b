// Runs `web-ext lint` on the Firefox build and fails on any error we have not accepted with a reason.
import { execFileSync } from 'node:child_process';

/** Errors we accept, each with why. */
const ACCEPTED = {
  // WebLLM's runtime (model host only, never a content script) is one multi-megabyte chunk; AMO reviews it as a
  // third-party library. It cannot be split further without patching the package.
  FILE_TOO_LARGE: 'the WebLLM runtime chunk is one large third-party file',
};

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', `${process.env.PARAPET_OUT ?? '.output'}/firefox-mv3`, '--output', 'json', '--no-input'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch (e) {
  out = e.stdout; // web-ext exits non-zero when it finds errors; the report is still on stdout
}
const report = JSON.parse(out);
let unaccepted = 0;
for (const level of ['errors', 'warnings', 'notices']) {
  for (const m of report[level]) {
    const why = ACCEPTED[m.code];
    if (level === 'errors' && !why) unaccepted++;
    console.log(`${level.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}${why ? ` (accepted: ${why})` : ''}`);
  }
}
console.log(`web-ext lint: ${report.summary.errors} errors (${unaccepted} not accepted), ${report.summary.warnings} warnings`);
process.exit(unaccepted ? 1 : 0);
