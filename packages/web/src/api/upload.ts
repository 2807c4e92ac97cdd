import i18n from '../i18n/index.ts';
import { ApiError, buildUrl, failedResponse, writeHeaders } from './client.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  /** Form field name of each file (the server reads every file part). */
  field?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends files as multipart/form-data and reports how much has been sent: fetch cannot tell upload
 * progress, XMLHttpRequest can, and a 200 MB file on a district office line takes minutes.
 */
export function uploadFiles<T>(path: string, files: readonly File[], options: UploadOptions = {}): Promise<T> {
  const form = new FormData();
  for (const file of files) form.append(options.field ?? 'file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildUrl(path));
    request.withCredentials = true;
    for (const [name, value] of Object.entries(writeHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(failedResponse(request.status, body));
    };
    request.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    request.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

/**
 * Sends a small multipart form (a decree scan, a receipt photo, house photos with their text fields) in one fetch and
 * returns the JSON answer; text fields go before files because the server reads the parts in order.
 */
export async function sendForm<T>(path: string, method: 'POST' | 'PUT', form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method, headers: writeHeaders(), credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const body = parse(await response.text());
  if (!response.ok) throw failedResponse(response.status, body);
  return body as T;
}
