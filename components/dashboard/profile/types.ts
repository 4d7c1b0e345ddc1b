import type { Profile } from '@/lib/schema/profile';
import type { FieldErrors } from '../../form-errors';

/** What every Profile-view editor receives: the unsaved draft, a way to change it, and the draft's field errors. */
export interface EditorProps {
  draft: Profile;
  change: (edit: (p: Profile) => Profile) => void;
  errors: FieldErrors;
}
