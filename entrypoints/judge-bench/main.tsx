import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { send } from '@/lib/messaging';
import type { ModelBenchResponse, ModelStatusResponse } from '@/lib/judge/protocol';
import { modelLabel } from '@/lib/judge/models';

// A page a person with a GPU opens (judge-bench.html) to measure the real engine on their device: it asks the
// background to run the loaded model over synthetic feed items, through the same scheduler pages use.
function BenchPage() {
  const [status, setStatus] = useState<ModelStatusResponse | null>(null);
  const [count, setCount] = useState(32);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ModelBenchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    send('model/status', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);

  async function run() {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await send('model/bench', { items: count }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  const st = status?.status;
  const fmt = (n: number | null, digits = 1) => (n === null ? 'n/a' : n.toFixed(digits));
  return (
    <main style={{ font: '15px system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Local model benchmark</h1>
      <p>
        Runs the loaded model over synthetic feed items, with no cache, and reports its speed on this device.
        Download and load a model first in the dashboard's Model view.
      </p>
      <p data-testid="bench-model">
        {st ? (st.phase === 'ready' && st.modelId ? `Loaded: ${modelLabel(st.modelId)}` : `No model loaded (host: ${st.phase})`) : status ? `Model host: ${status.hostProblem || 'not running'}` : 'Asking the background…'}
      </p>
      <label>
        Items{' '}
        <input type="number" min={1} max={200} value={count} onChange={(e) => setCount(Math.max(1, Math.min(200, Number(e.target.value) || 1)))} />
      </label>{' '}
      <button type="button" onClick={run} disabled={running}>
        {running ? 'Running…' : 'Run'}
      </button>
      {error ? <p role="alert" data-testid="bench-error">{error}</p> : null}
      {result ? (
        <table data-testid="bench-result" style={{ marginTop: '1rem', borderCollapse: 'collapse' }}>
          <tbody>
            {(
              [
                ['Model', result.model],
                ['Items judged', `${result.judged} of ${result.items}`],
                ['Model calls', result.calls],
                ['Time', `${fmt(result.seconds)} s`],
                ['Items judged per second', fmt(result.itemsPerSecond, 2)],
                ['Output tokens per second', fmt(result.tokensPerSecond)],
                ['Decode tokens/s (WebLLM, last call)', fmt(result.decodeTokensPerSecond)],
                ['Prefill tokens/s (WebLLM, last call)', fmt(result.prefillTokensPerSecond)],
                ['Prompt tokens', result.promptTokens],
                ['Output tokens', result.completionTokens],
              ] as const
            ).map(([k, v]) => (
              <tr key={k}>
                <th style={{ textAlign: 'left', paddingRight: '1rem' }}>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BenchPage />
  </StrictMode>,
);
