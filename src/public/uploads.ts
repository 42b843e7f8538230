/** Files a customer may attach on the public form: an allow-list by extension and content type, never executables. */

export const maxFiles = 5;

// Extension → content types a browser may send for it. Anything not listed (exe, js, html, svg, …) is refused.
const allowed: Record<string, string[]> = {
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  heic: ['image/heic', 'image/heif'],
  pdf: ['application/pdf'],
  txt: ['text/plain'],
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
  log: ['text/plain'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ppt: ['application/vnd.ms-powerpoint'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  odt: ['application/vnd.oasis.opendocument.text'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet'],
  odp: ['application/vnd.oasis.opendocument.presentation'],
  zip: ['application/zip', 'application/x-zip-compressed'],
};

/** The extensions the form accepts, for its `accept` attribute and its hint. */
export const acceptedExtensions = Object.keys(allowed).map((e) => `.${e}`);

/** Why a file may not be attached, or null when it may. */
export function fileProblem(f: { filename: string; contentType: string; size: number }, maxBytes: number): string | null {
  const name = f.filename.trim();
  if (!name || name.length > 255 || /[\\/\u0000-\u001f]/.test(name)) return 'has a file name that is not allowed';
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const types = allowed[ext];
  // Browsers send octet-stream for types they do not know; the extension still has to be allowed.
  const type = f.contentType.split(';')[0]!.trim().toLowerCase();
  if (!types || (type !== 'application/octet-stream' && !types.includes(type))) {
    return 'is not a type we accept (images, PDF, text, office documents or zip)';
  }
  if (f.size === 0) return 'is empty';
  if (f.size > maxBytes) return `is larger than ${Math.floor(maxBytes / (1024 * 1024)) || 1} MB`;
  return null;
}

/** The stored content type: the allow-listed one for the extension when the browser did not know it. */
export function storedType(filename: string, contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') return type;
  const ext = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
  return allowed[ext]?.[0] ?? type;
}
