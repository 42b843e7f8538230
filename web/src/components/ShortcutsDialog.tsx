/** The "?" dialog: every keyboard shortcut, from the same table the key handler reads. */
import { shortcuts } from '../lib/keys.ts';
import { Dialog } from './Dialog.tsx';

export function ShortcutsDialog(props: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title="Keyboard shortcuts">
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.key}>
              <td>
                <kbd>{s.key}</kbd>
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
            </td>
            <td>Send the reply or note you are writing</td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onClose}>Close</button>
      </div>
    </Dialog>
  );
}
