// The benches' reading of the browser's CPU: every thread of every process in a tree, from
// /proc/<pid>/task/<tid>/schedstat (nanoseconds), not the process's user + system time in 10 ms ticks of /proc stat,
// which made a feed run's few hundred milliseconds a count of a few dozen ticks. A thread that ended meanwhile is
// missed either way.
import { readFileSync, readdirSync } from 'node:fs';

/** A process as the tree test sees it: its parent and its command line (NUL- or space-separated). */
export interface ProcessInfo {
  pid: number;
  parent: number;
  cmdline: string;
}

/** Kind of a Chromium process: browser, renderer, extension (an extension's renderer), gpu-process, zygote, … */
export function processKind(cmdline: string): string {
  // Chromium rewrites its children's command lines with spaces for separators.
  const cmd = cmdline.split(/[\0 ]/);
  const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
  return type === 'renderer' && cmd.includes('--extension-process') ? 'extension' : type;
}

/** The processes below this one (Chromium and its children under a bench). */
export const underThisProcess = (p: ProcessInfo) => p.parent === process.pid;

/**
 * CPU ms of every thread of the processes that pass `isRoot` and of everything below them, keyed
 * "pid kind thread" (the thread's name without its trailing number; names are cut at 15 characters).
 */
export function threadCpu(
  isRoot: (p: ProcessInfo) => boolean = underThisProcess,
  kindOfProcess: (p: ProcessInfo) => string = (p) => processKind(p.cmdline),
): Map<string, number> {
  const procs = new Map<number, ProcessInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields are counted from the last ')'.
      const parent = +stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      procs.set(+name, { pid: +name, parent, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // the process ended meanwhile
    }
  }
  const out = new Map<string, number>();
  for (const proc of procs.values()) {
    let ours = false;
    for (let p: ProcessInfo | undefined = proc; p !== undefined && !ours; p = procs.get(p.parent)) ours = isRoot(p);
    if (!ours) continue;
    const kind = kindOfProcess(proc);
    try {
      for (const tid of readdirSync(`/proc/${proc.pid}/task`)) {
        const stat = readFileSync(`/proc/${proc.pid}/task/${tid}/stat`, 'utf8');
        const thread = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const ms = +readFileSync(`/proc/${proc.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0] / 1e6;
        const key = `${proc.pid} ${kind} ${thread}`;
        out.set(key, (out.get(key) ?? 0) + ms);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** The kind part of a threadCpu key. */
export const kindOf = (key: string) => key.split(' ')[1];
