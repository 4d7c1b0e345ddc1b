// V8's sampling CPU profile (CDP Profiler.stop), read by the probes that give the content scripts' time to their
// functions (probe-load-profile.ts, probe-feed-profile.ts).

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Each profiled node's own sampled time (ms) with the nearest extension frame on its stack, so the DOM calls,
 * regexps and lazy compiles a function causes count as its own; `ext` is undefined when there is none. With
 * `pageStops`, a frame of the page's own script comes first: what the page's script did, called from ours, is the
 * page's.
 */
export function ownTimeByExtensionFrame(profile: CpuProfile, opts: { pageStops?: boolean } = {}): Array<{ ms: number; node: ProfileNode; ext: ProfileNode | undefined }> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<number, number>();
  profile.samples?.forEach((id, k) => own.set(id, (own.get(id) ?? 0) + profile.timeDeltas![k] / 1000));
  return [...own].map(([id, ms]) => {
    let ext: ProfileNode | undefined;
    for (let at: number | undefined = id; at !== undefined && !ext; at = parent.get(at)) {
      const n = nodes.get(at)!;
      if (n.callFrame.url.startsWith('chrome-extension://')) ext = n;
      else if (opts.pageStops && n.callFrame.url) break;
    }
    return { ms, node: nodes.get(id)!, ext };
  });
}
