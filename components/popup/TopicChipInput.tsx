import type { Checked } from '../profile-edit';
import { ChipInput } from '../ui/Chip';
import { TopicPreview } from '../topics/TopicPreview';
import { useTopicDraft } from '../topics/useTopicDraft';
import type { TopicKind } from '../topics/useTopicPreview';

/** The popup's interest or avoid-topic chips, with a preview under the box of what the typed topic would catch;
 * words dropped from the preview are kept with the topic when it is added. */
export function TopicChipInput({
  kind,
  items,
  check,
  onAdd,
  onRemove,
  label,
  noun,
  placeholder,
  empty,
}: {
  kind: TopicKind;
  items: { key: string; text: string }[];
  check: (text: string) => Checked;
  onAdd: (label: string, exclude: string[]) => void;
  onRemove: (key: string) => void;
  label: string;
  noun: string;
  placeholder: string;
  empty: string;
}) {
  const draft = useTopicDraft(kind);
  return (
    <>
      <ChipInput
        label={label}
        noun={noun}
        tone={kind === 'avoid' ? 'avoid' : 'interest'}
        placeholder={placeholder}
        empty={empty}
        items={items}
        check={check}
        // The dropped words are read before the box is emptied (which clears them for the next topic).
        onAdd={(value) => onAdd(value, draft.excluded)}
        onRemove={onRemove}
        onTextChange={draft.setText}
      />
      <TopicPreview
        compact
        kind={kind}
        label={draft.text}
        state={draft.preview}
        excluded={draft.excluded}
        onDrop={draft.drop}
        onRestore={draft.restore}
      />
    </>
  );
}
