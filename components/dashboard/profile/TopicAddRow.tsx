import type { Checked } from '../../profile-edit';
import { TopicPreview } from '../../topics/TopicPreview';
import { useTopicDraft } from '../../topics/useTopicDraft';
import type { TopicKind } from '../../topics/useTopicPreview';
import { AddRow } from './AddRow';

/** The Profile view's box for a new interest or avoid-topic, with the preview of what it would catch under it;
 * words dropped there are kept with the new topic. */
export function TopicAddRow({
  kind,
  noun,
  placeholder,
  check,
  onAdd,
}: {
  kind: TopicKind;
  noun: string;
  placeholder: string;
  check: (t: string) => Checked;
  onAdd: (label: string, exclude: string[]) => void;
}) {
  const draft = useTopicDraft(kind);
  return (
    <AddRow noun={noun} placeholder={placeholder} check={check} onAdd={(v) => onAdd(v, draft.excluded)} onTextChange={draft.setText}>
      <TopicPreview kind={kind} label={draft.text} state={draft.preview} excluded={draft.excluded} onDrop={draft.drop} onRestore={draft.restore} />
    </AddRow>
  );
}
