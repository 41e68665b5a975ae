/** File downloads of the console (report PDFs and spreadsheets, data-subject exports). */

/** Saves a downloaded file under its name: an object URL, clicked, then revoked. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name the API gives (Content-Disposition), else ours. */
export function fileNameOf(response: Response, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return m?.[1] ?? fallback;
}
