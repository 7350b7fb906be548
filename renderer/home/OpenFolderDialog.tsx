/**
 * Opening another folder from the reader: the path box (where the host has no folder dialog),
 * the progress of the folder being opened, and why it could not be opened. The archive open now
 * stays open behind it until another has opened.
 */
import type { ApiError, ArchiveStatus } from '../../shared/api';
import { Dialog } from '../app/Dialog';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { PathForm } from './PathForm';

export interface OpenFolderDialogProps {
  /** Show a path box (the host has no folder dialog). */
  askPath: boolean;
  /** An open asked for here is under way. */
  busy: boolean;
  /** Why the open asked for here failed. */
  error: ApiError | null;
  onOpenPath: (path: string) => void;
  /** The folder being opened, or one that failed, wherever it was asked for (the app's menu). */
  pending: Extract<ArchiveStatus, { state: 'loading' | 'failed' }> | null;
  onClose: () => void;
}

export function OpenFolderDialog(props: OpenFolderDialogProps) {
  const { pending, onClose } = props;
  const t = useT();
  const loading = pending?.state === 'loading' ? pending : null;
  // The failure of this dialog's own open, else of one started elsewhere (the app's menu).
  const error = props.error ?? (pending?.state === 'failed' && !props.busy ? pending.error : null);
  return (
    <Dialog title={t('footer.openFolder')} onClose={onClose}>
      {props.askPath && <PathForm busy={props.busy} onOpen={props.onOpenPath} onCancel={onClose} />}
      {loading && (
        <div className="open-progress">
          <p className="loading-root">{loading.root}</p>
          <progress
            className="progress"
            max={loading.total > 0 ? loading.total : undefined}
            value={loading.total > 0 ? loading.done : undefined}
            aria-label={t('loading.title')}
          />
        </div>
      )}
      {error && (
        <p className="form-problem" role="alert">
          {pending?.state === 'failed' ? `${t('welcome.failed', { path: pending.root })} ` : ''}
          {errorSentence(error.code, t)} <span className="error-detail">{error.message}</span>
        </p>
      )}
    </Dialog>
  );
}
