import { setDisplay } from '../../profile-edit';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { Segmented } from '../../ui/Segmented';
import { Slider } from '../../ui/Slider';
import { Toggle } from '../../ui/Toggle';
import type { EditorProps } from './types';

export function DisplayEditor({ draft, change }: EditorProps) {
  const d = draft.display;
  return (
    <Section title="Display" description="How hidden and reordered items look in your feeds." icon={<Icon name="eye" size={18} />}>
      <div className="settings">
        <div className="setting">
          <div>
            <h3 className="setting-name">Hidden items</h3>
            <p className="setting-desc">A stub says what was hidden and why, with a button to show it anyway.</p>
          </div>
          <Segmented
            label="Hidden items"
            value={d.hiddenStyle}
            options={[
              { value: 'stub', label: 'Leave a stub' },
              { value: 'remove', label: 'Remove completely' },
            ]}
            onChange={(v) => change((p) => setDisplay(p, { hiddenStyle: v }))}
          />
        </div>
        <div className="setting">
          <Toggle
            label="Reorder feeds"
            description="Move items that match your interests up and pushed-down items towards the end."
            checked={d.reorder}
            onChange={(on) => change((p) => setDisplay(p, { reorder: on }))}
          />
        </div>
        <div className="setting">
          <div>
            <h3 className="setting-name">Exploration</h3>
            <p className="setting-desc">Share of low-scoring items kept in the feed anyway, so it does not narrow into an echo chamber.</p>
          </div>
          <div className="setting-control">
            <Slider label="Exploration share" hideLabel value={d.exploreShare} min={0} max={0.5} step={0.05} onChange={(v) => change((p) => setDisplay(p, { exploreShare: v }))} />
          </div>
        </div>
      </div>
    </Section>
  );
}
