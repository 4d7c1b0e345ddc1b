import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging';
import type { ModelAdvice } from '@/lib/judge/capabilities';
import { PROMPT_API_MODEL_ID, findModel, modelLabel } from '@/lib/judge/models';
import { formatEta } from '@/lib/judge/progress';
import type { ModelCapabilitiesResponse, ModelStatusResponse } from '@/lib/judge/protocol';
import { WITHOUT_MODEL, judgeReadiness } from '@/lib/judge/readiness';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { Toggle } from '../../ui/Toggle';

const mb = (n: number) => (n >= 1000 ? `${(n / 1024).toFixed(1)} GB` : `${Math.round(n)} MB`);

/** The local model: can this device run one, which, download it (the download goes on in the model host when
 * this page closes, and is shown again when it reopens), cancel, what is cached, delete, and the judge on/off. */
export default function ModelView() {
  const [caps, setCaps] = useState<ModelCapabilitiesResponse | null>(null);
  const [status, setStatus] = useState<ModelStatusResponse | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const s = await send('model/status', {});
      if (alive.current) setStatus(s);
    } catch (e) {
      if (alive.current) setActionError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    void refresh();
    send('model/capabilities', {}).then(
      (c) => alive.current && setCaps(c),
      (e: Error) => alive.current && setActionError(e.message),
    );
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const loading = status?.status?.phase === 'loading';
  // Poll while a download runs; its state lives in the host, so closing this page loses nothing.
  useEffect(() => {
    if (!loading) return;
    const t = setInterval(() => void refresh(), 700);
    return () => clearInterval(t);
  }, [loading, refresh]);

  const settings = status?.settings;
  const recommended = caps?.recommendation.advice.find((a) => a.recommended)?.model.id;
  const selected = chosen ?? (settings?.engine === 'prompt-api' ? PROMPT_API_MODEL_ID : settings?.modelId) ?? recommended ?? null;
  const promptApi = caps?.capabilities?.promptApi ?? 'absent';
  const promptApiOffered = promptApi === 'available' || promptApi === 'downloadable' || promptApi === 'downloading';

  async function act(name: string, run: () => Promise<unknown>) {
    setBusy(name);
    setActionError(null);
    try {
      const out = await run();
      if (out && typeof out === 'object' && 'hostRunning' in out) setStatus(out as ModelStatusResponse);
      else await refresh();
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const engineFor = (id: string) => (id === PROMPT_API_MODEL_ID ? 'prompt-api' : 'webllm') as 'webllm' | 'prompt-api';
  const download = (id: string) =>
    act('download', async () => {
      await send('model/settings', { engine: engineFor(id), ...(id === PROMPT_API_MODEL_ID ? {} : { modelId: id }) });
      return send('model/download', { engine: engineFor(id), modelId: id });
    });

  const st = status?.status;
  // Where nothing can run, nothing is offered: one explanation, the download and the switch disabled.
  const cannotRun = judgeReadiness(caps, status).state === 'cannot-run';
  const selectedAdvice = caps?.recommendation.advice.find((a) => a.model.id === selected);
  const selectedFits = selected === PROMPT_API_MODEL_ID || (selectedAdvice?.fits ?? false);
  const progress = st?.phase === 'loading' ? st.progress : null;
  const c = caps?.capabilities;

  return (
    <div className="model-view">
      <Section title="This device" description="Whether a local language model can run here, and which one fits.">
        {!caps ? (
          <p className="muted">Checking WebGPU…</p>
        ) : (
          <div data-testid="model-capabilities">
            {c?.webgpu && c.adapter ? (
              <ul className="small">
                <li data-testid="model-adapter">
                  GPU adapter: {[c.adapter.vendor, c.adapter.architecture, c.adapter.description].filter(Boolean).join(' · ') || 'unnamed'}
                  {c.adapter.isFallbackAdapter ? ' (software fallback adapter: runs on the CPU)' : ''}
                </li>
                <li data-testid="model-f16">16-bit shaders (shader-f16): {c.shaderF16 ? 'yes' : 'no'}</li>
                <li>Largest GPU buffer: {mb(c.maxBufferSize / 1048576)}</li>
                <li>Device memory: {c.deviceMemoryGB !== null ? `${c.deviceMemoryGB} GB (as the browser reports it)` : 'not reported by this browser'}</li>
              </ul>
            ) : null}
            <Notice tone={cannotRun ? 'warn' : 'info'}>
              <span data-testid="model-summary">{caps.recommendation.summary}</span>
              {cannotRun ? ' Nothing you can download or turn on here would change that.' : null}
            </Notice>
            {cannotRun ? (
              <p className="small model-without" data-testid="model-without">
                {WITHOUT_MODEL} Only your rules in your own words wait for a device that runs the model.
              </p>
            ) : null}
          </div>
        )}
      </Section>

      <Section title="Judge with the local model" description="Items the fast rules are unsure about, and your own natural-language rules, go to the model. Its verdicts say “judged by …”.">
        {settings ? (
          <Toggle
            checked={settings.enabled}
            label="Use the local model"
            description={
              settings.enabled
                ? `On: ${modelLabel(settings.engine === 'prompt-api' ? PROMPT_API_MODEL_ID : settings.modelId)}${cannotRun ? ', but no model can run on this device: turn it off' : ''}`
                : cannotRun
                  ? 'Off, and cannot be turned on: no model can run on this device.'
                  : 'Off: Parapet judges with its fast rules only.'
            }
            disabled={busy !== null || (cannotRun && !settings.enabled)}
            onChange={(enabled) => void act('toggle', () => send('model/settings', { enabled }))}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
        {settings?.enabled && settings.engine === 'webllm' && status && !status.cached.includes(settings.modelId) && !loading ? (
          <Notice tone="warn">The chosen model is not on this device yet: download it below. Until then every item keeps its fast decision.</Notice>
        ) : null}
        {status ? (
          <p className="small muted" data-testid="model-stats">
            Items asked about: {status.stats.asked} · model calls: {status.stats.calls} · cached verdicts used: {status.stats.cacheHits} · timeouts: {status.stats.timeouts} · failures: {status.stats.failures}
          </p>
        ) : null}
      </Section>

      <Section title="Models" description="Sizes come from WebLLM's model list; downloads are estimated until they start. Weights stay in this browser's cache.">
        {!status?.hostRunning && status ? <Notice tone="warn">The model host is not running: {status.hostProblem}</Notice> : null}
        <div role="radiogroup" aria-label="Model" className="rows">
          {promptApiOffered ? (
            <ModelRow
              id={PROMPT_API_MODEL_ID}
              title={modelLabel(PROMPT_API_MODEL_ID)}
              detail={`Chrome manages this model itself: nothing for Parapet to download (${promptApi}).`}
              fits
              selected={selected === PROMPT_API_MODEL_ID}
              onSelect={() => setChosen(PROMPT_API_MODEL_ID)}
            />
          ) : null}
          {(caps?.recommendation.advice ?? []).map((a: ModelAdvice) => (
            <ModelRow
              key={a.model.id}
              id={a.model.id}
              title={`${a.model.label}${a.recommended ? ' — recommended' : ''}`}
              detail={`Download ≈ ${mb(a.model.downloadMB)} · needs ${mb(a.model.vramMB)} of GPU memory. ${a.why}`}
              fits={a.fits}
              cached={status?.cached.includes(a.model.id)}
              selected={selected === a.model.id}
              onSelect={() => setChosen(a.model.id)}
              onDelete={() => void act('delete', () => send('model/delete', { modelId: a.model.id }))}
              deleting={busy === 'delete'}
            />
          ))}
        </div>

        <div className="row-actions" style={{ marginTop: '0.75rem', display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <button
            type="button"
            className={`btn ${cannotRun ? '' : 'btn-primary'}`}
            data-testid="model-download"
            disabled={!selected || !selectedFits || loading || busy !== null}
            aria-describedby={selected && !selectedFits ? 'model-download-why' : undefined}
            onClick={() => selected && void download(selected)}
          >
            {selected && status?.cached.includes(selected) ? 'Load' : 'Download'} {selected ? modelLabel(selected) : 'a model'}
          </button>
          {loading ? (
            <button type="button" className="btn" data-testid="model-cancel" disabled={busy === 'cancel'} onClick={() => void act('cancel', () => send('model/cancel', {}))}>
              Cancel
            </button>
          ) : null}
          <a className="btn btn-ghost" href="/judge-bench.html" target="_blank" rel="noopener">
            Measure speed
          </a>
        </div>
        {selected && !selectedFits && caps ? (
          <p id="model-download-why" className="small muted" data-testid="model-download-why">
            {cannotRun ? 'Nothing to download: no model can run on this device.' : `${modelLabel(selected)} cannot run on this device: ${selectedAdvice?.why ?? ''} Choose one that fits.`}
          </p>
        ) : null}

        {progress && st ? (
          <div data-testid="model-progress" style={{ marginTop: '0.75rem' }}>
            <label className="small">
              {modelLabel(st.modelId ?? '')}: {Math.round(progress.fraction * 100)}%
              {progress.loadedMB !== null ? ` · ${mb(progress.loadedMB)}${progress.totalMB !== null ? ` of ${mb(progress.totalMB)}` : ''}` : ''} · {formatEta(progress.etaSeconds)}
              <progress value={progress.fraction} max={1} style={{ display: 'block', width: '100%' }} />
            </label>
            <p className="small muted">{progress.text} The download goes on if you close this page.</p>
          </div>
        ) : null}
        {st?.phase === 'ready' && st.modelId ? <Notice tone="ok">{modelLabel(st.modelId)} is loaded and judging.</Notice> : null}
        {st?.cancelled && st.phase === 'idle' ? <Notice tone="info">Download cancelled.</Notice> : null}
        {st?.phase === 'error' && st.error ? (
          <Notice tone="error">
            <span data-testid="model-error">{st.error}</span>
          </Notice>
        ) : null}
        {actionError ? <Notice tone="error">{actionError}</Notice> : null}
      </Section>
    </div>
  );
}

function ModelRow(props: {
  id: string;
  title: string;
  detail: string;
  fits: boolean;
  cached?: boolean;
  selected: boolean;
  onSelect(): void;
  onDelete?(): void;
  deleting?: boolean;
}) {
  const model = findModel(props.id);
  return (
    <div className="row-card" data-testid={`model-row-${props.id}`} data-fits={props.fits} style={{ opacity: props.fits ? 1 : 0.7 }}>
      <label className="row-main" style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start' }}>
        <input type="radio" name="judge-model" checked={props.selected} onChange={props.onSelect} aria-describedby={`${props.id}-detail`} />
        <span>
          <strong>{props.title}</strong>
          {props.cached ? <span className="chip chip-neutral" style={{ marginLeft: '0.5rem' }}>on this device</span> : null}
          {!props.fits ? <span className="chip chip-avoid" style={{ marginLeft: '0.5rem' }}>does not fit</span> : null}
          <span id={`${props.id}-detail`} className="row-sub small" style={{ display: 'block' }}>
            {props.detail}
          </span>
        </span>
      </label>
      {props.cached && props.onDelete && model ? (
        <button type="button" className="btn btn-sm btn-danger" disabled={props.deleting} onClick={props.onDelete} aria-label={`Delete ${model.label} from this device`}>
          Delete
        </button>
      ) : null}
    </div>
  );
}
