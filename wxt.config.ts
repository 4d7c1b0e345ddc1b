import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { serialiseDetectors } from './lib/core/detectors/data-file';
import { SHIPPED_TABLES } from './lib/core/detectors/shipped';

const OWN_CONTEXT = fileURLToPath(new URL('./lib/content-script/context.ts', import.meta.url));
const OWN_BROWSER = fileURLToPath(new URL('./lib/content-script/browser.ts', import.meta.url));
/** This build, in every script of it: a feed tab reads only what a background of its own build kept for it
 * (lib/schema/stored-models.ts). Named by the code that makes and reads what is kept, not by the time, so that the
 * same sources build the same files (a store's reviewer rebuilds them). */
function buildName(): string {
  const root = fileURLToPath(new URL('./', import.meta.url));
  const hash = createHash('sha256').update(readFileSync(join(root, 'package.json')));
  const files = (readdirSync(join(root, 'lib'), { recursive: true }) as string[]).sort();
  for (const f of files) if (statSync(join(root, 'lib', f)).isFile()) hash.update(f).update(readFileSync(join(root, 'lib', f)));
  return hash.digest('hex').slice(0, 12);
}
const BUILD = buildName();

// Chrome and Firefox both build as Manifest V3 (WXT would default Firefox to MV2).
export default defineConfig({
  // PARAPET_OUT lets parallel work build to its own folder; the default is WXT's `.output`.
  outDir: process.env.PARAPET_OUT ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ define: { 'import.meta.env.PARAPET_BUILD': JSON.stringify(BUILD) } }),
  hooks: {
    // Content scripts call only runtime.sendMessage, runtime.getURL and storage.local.get, and listen with onMessage
    // listeners that never answer: both browsers give all of that natively, with promises. The polyfill, which the
    // extension's pages and background keep, would be 10 KB of every content script; they get the browser's own API,
    // picked by build without touching it at document_start (lib/content-script/browser.ts).
    //
    // WXT's content-script context stops its script on an event any page can send (issue 25): the content scripts
    // get Parapet's own lifetime in its place, which only the browser can end (lib/content-script/context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const own = [
        { find: 'wxt/utils/content-script-context', replacement: OWN_CONTEXT },
        { find: /^wxt\/browser$/, replacement: OWN_BROWSER },
      ];
      if (Array.isArray(alias)) config.resolve!.alias = [...own, ...alias.filter((a) => a.find !== 'wxt/browser')];
      else {
        const byName = Object.entries(alias ?? {}).filter(([find]) => find !== 'wxt/browser');
        config.resolve = { ...config.resolve, alias: [...own, ...byName.map(([find, replacement]) => ({ find, replacement }))] };
      }
    },
    // The detector rule tables ship as data the content scripts fetch, not as code inside each of them (that kept
    // every feed script over 100 KB). Written from the TypeScript tables on every build, so it is never stale.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'models/detectors.json', contents: JSON.stringify(serialiseDetectors(SHIPPED_TABLES)) });
    },
    // Host permissions are exactly the sites the content scripts run on (taken from them, so never out of step),
    // which Chrome already names at install ("Read and change your data on www.youtube.com, ..."): they let the
    // popup read which supported site its tab shows, and the background which site each tab it tells of a profile
    // change is on, without the `tabs` permission and its "Read your browsing history" warning.
    // Chrome only: Firefox already grants the content scripts' sites with the add-on, and takes a host_permissions
    // key as permissions the person may withhold (the why frame then stays blank: e2e firefox-why).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'chrome') return;
      const hosts = new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []));
      manifest.host_permissions = [...hosts].sort();
    },
  },
  manifest: ({ browser }) => ({
    name: 'Parapet',
    description: 'Your own agent between you and your feeds: hides junk, labels manipulation, adds your standing instructions to chats. Everything stays on your device.',
    // Why each permission is here: README, "Permissions".
    // unlimitedStorage, Chrome only: storage.local holds each feed's models and profile copy (about 1.5 MB a feed with
    // a large profile, 6.8 MB in all) against a default cap of 10 MB, past which the profile's backup is not written.
    // No install warning in Chrome; Firefox has no such cap on storage.local and would ask the person at install.
    permissions: ['storage', 'activeTab', ...(browser === 'chrome' ? ['offscreen', 'unlimitedStorage'] : [])],
    // WebLLM compiles WebAssembly; Chromium's default MV3 policy forbids it.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // The models the content scripts fetch, and the frame that says why an item was hidden or labelled (issue 25).
    // Chrome's static extension id would let any of these sites probe for Parapet and read its tables:
    // use_dynamic_url gives them a per-session address instead (Firefox already gives each install its own).
    web_accessible_resources: [
      {
        resources: ['models/*', 'why.html'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
        matches: [
          'https://www.youtube.com/*',
          'https://www.reddit.com/*',
          'https://old.reddit.com/*',
          'https://x.com/*',
          'https://news.ycombinator.com/*',
        ],
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: {
              id: 'parapet@parapet.local',
              strict_min_version: '140.0',
              // Parapet sends nothing anywhere: the profile and the log stay in this browser.
              data_collection_permissions: { required: ['none'] },
            }, } }
      : {}),
  }),
});
