/** Saves text as a file through a short-lived Blob URL and a download link (extension pages only). */
export function downloadText(text: string, filename: string, type = 'application/json') {
  downloadBlob(new Blob([text], { type }), filename);
}

/** Saves a Blob as a file: a large export is built as a Blob from parts and never becomes one string. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download holds its own reference once started; a large file may take a moment to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
