import { browser } from 'wxt/browser';
import { createBrowserModelHost } from '@/lib/judge/browser-host';
import { HOST_PORT_NAME, serveHost, type PortLike } from '@/lib/judge/host-protocol';

// Chrome's model host: an offscreen document, because the MV3 service worker has no DOM and is stopped when
// idle, while a loaded model needs a long-lived page with WebGPU. The host and its state (a download in
// progress, the loaded model) live here; the background talks to it over a port.
const HELLO = 'judge-host/hello';
const host = createBrowserModelHost();
let connected = false;

function connect() {
  const port = browser.runtime.connect({ name: HOST_PORT_NAME }) as unknown as PortLike;
  connected = true;
  serveHost(host, port);
  // The worker sleeps when idle and the port closes with it; the background says hello when it wants us back.
  port.onDisconnect.addListener(() => {
    connected = false;
  });
}

browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as { type?: string } | null)?.type === HELLO && !connected) connect();
  // Never answer: every other runtime message is meant for the background.
  return undefined;
});

connect();
