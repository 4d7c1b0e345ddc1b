// What the issue asks of every built content script, shared by the e2e test that enforces it and the bench that
// prints it: under 100 KB minified, and none of the local model's library, which belongs to the background and the
// model host only.
export const CONTENT_SCRIPT_LIMIT = 100_000;
export const WEBLLM_MARKERS = ['MLCEngine', '@mlc-ai', 'web-llm', 'tvmjs'];
