// The chat selector with the person's local model: used only when it is on and already loaded, never loaded
// for a message, and limited to what the selector offered it.
import { describe, expect, it } from 'vitest';
import { readyJudgeEngine } from '@/lib/background/judge';
import { chatSelections } from '@/lib/background/chat';
import { createModelHost } from '@/lib/judge/host';
import { hostClientInProcess } from '@/lib/judge/host-protocol';
import { modelRefiner } from '@/lib/judge/instruction-refiner';
import { JUDGE_MODELS } from '@/lib/judge/models';
import type { Instruction } from '@/lib/schema/profile';
import { ScriptedLoader, sleep } from '../doubles/scripted-engine';
import { profile as judgeProfile, swiftShader } from '../doubles/judge-fixtures';

const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const ins = (id: string, text: string): Instruction => ({ id, text, enabled: true, sites: ['chatgpt'], scope: { type: 'auto' } });

function setup(script: () => string) {
  const loader = new ScriptedLoader();
  loader.nextScript = script;
  loader.cached.add(MODEL);
  const host = createModelHost({ loaders: { webllm: loader }, probe: async () => swiftShader, catalog: JUDGE_MODELS.map((m) => m.id) });
  const connector = { connect: async () => hostClientInProcess(host) };
  const on = judgeProfile({
    judge: { enabled: true, engine: 'webllm', modelId: MODEL },
    instructions: [ins('veg', 'For recipes, I am vegetarian.'), ins('trip', 'For trips, I like window seats.')],
  });
  const load = async () => {
    const client = await connector.connect();
    await client.request('download', { engine: 'webllm', modelId: MODEL });
    for (let i = 0; i < 100 && host.status().phase !== 'ready'; i++) await sleep(5);
  };
  return { loader, connector, on, load };
}

describe('chat instruction selection with the local model', () => {
  it('is not used while the judge is off or the model is not loaded, and loading is never started for it', async () => {
    const s = setup(() => '{"apply":[]}');
    expect(await readyJudgeEngine({ ...s.on, judge: { ...s.on.judge, enabled: false } }, s.connector)).toBeNull();
    expect(await readyJudgeEngine(s.on, s.connector)).toBeNull();
    expect(s.loader.loads).toBe(0);
  });

  it('once loaded, confirms or drops the selector’s candidates, and says which model did', async () => {
    const s = setup(() => '{"apply":["n1"]}');
    await s.load();
    const engine = await readyJudgeEngine(s.on, s.connector);
    expect(engine?.modelId).toBe(MODEL);
    const got = await chatSelections(s.on, 'chatgpt', 'What can I cook with lentils for dinner?', modelRefiner(engine!));
    expect(got.map((g) => g.id)).toEqual(['veg']);
    expect(got[0].why).toContain(MODEL);
  });

  it('keeps the selector’s own choice when the model answers nonsense', async () => {
    const s = setup(() => 'sure! here you go');
    await s.load();
    const engine = await readyJudgeEngine(s.on, s.connector);
    const got = await chatSelections(s.on, 'chatgpt', 'What can I cook with lentils for dinner?', modelRefiner(engine!));
    expect(got.map((g) => g.id)).toEqual(['veg']);
  });
});
