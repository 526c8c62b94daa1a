/**
 * Saves a fetched file in a browser. CSV routes need the session's `Authorization` header, so a
 * plain link cannot fetch them: the transport fetches, and this hands the blob to the browser's
 * download through an object URL and a `<a download>`.
 */

/** The file name from `Content-Disposition` (`filename*=UTF-8''…` or `filename="…"`), else the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

/** The little of the DOM this needs: through globalThis, so the transport that imports it is tested in Node. */
interface DownloadDocument {
  createElement(tag: 'a'): { href: string; download: string; style: { display: string }; click(): void; remove(): void };
  body: { append(node: object): void };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const document = (globalThis as unknown as { document: DownloadDocument }).document;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
