/** Files chosen to go with the message being written; they are uploaded once the message is sent. */
import { useRef } from 'react';
import { addPicked, fileSize } from '../lib/files.ts';

export function AttachPicker(props: { files: File[]; onChange(files: File[]): void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="attach">
      <input
        ref={input}
        id="composer-files"
        type="file"
        multiple
        className="visually-hidden"
        disabled={props.disabled}
        onChange={(e) => {
          props.onChange(addPicked(props.files, [...(e.target.files ?? [])]));
          e.target.value = '';
        }}
      />
      <label htmlFor="composer-files" className="button-like">Attach files…</label>
      {props.files.length > 0 && (
        <ul className="chosen-files" aria-label="Files to send">
          {props.files.map((f, i) => (
            <li key={`${f.name}:${i}`}>
              {f.name} <span className="hint">{fileSize(f.size)}</span>
              <button type="button" className="link-button" aria-label={`Do not send ${f.name}`} onClick={() => props.onChange(props.files.filter((_, j) => j !== i))}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
