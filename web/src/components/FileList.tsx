/** Download links for attachments; downloads always come as files (the API never renders them inline). */
import type { Attachment } from '../api/types.ts';
import { fileSize } from '../lib/files.ts';

export function FileList(props: { files: Attachment[]; label?: string }) {
  if (props.files.length === 0) return null;
  return (
    <ul className="attachments" aria-label={props.label ?? 'Attachments'}>
      {props.files.map((f) => (
        <li key={f.id}>
          <a href={`/api/v1/attachments/${f.id}`} download={f.filename}>{f.filename}</a> <span className="hint">{fileSize(f.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  );
}
