import i18n from '../i18n/index.ts';
import { ApiError, buildUrl, failedResponse, writeHeaders, type QueryValue } from './client.ts';

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads a file the server generates (an export), so that a refusal (too many rows, no permission) arrives as an
 * ApiError the page can show instead of as a downloaded error page. Resolves with the saved file's name.
 */
export async function downloadFile(path: string, query: Record<string, QueryValue>, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { headers: writeHeaders(), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    throw failedResponse(response.status, body);
  }
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has handed the file to the browser's download manager.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
