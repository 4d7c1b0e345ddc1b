import { probeCapabilities } from './capabilities';
import { createModelHost, type ModelHost } from './host';
import { JUDGE_MODELS } from './models';
import { promptApiLoader } from './prompt-api-engine';
import { webLlmLoader } from './webllm-engine';

/** The model host as it runs in a browser: WebLLM and the Prompt API behind one host. Imported by the
 * offscreen document (Chrome) and, through a dynamic import, by the Firefox background page. */
export function createBrowserModelHost(): ModelHost {
  return createModelHost({
    loaders: { webllm: webLlmLoader, 'prompt-api': promptApiLoader },
    probe: () => probeCapabilities(),
    catalog: JUDGE_MODELS.map((m) => m.id),
  });
}
