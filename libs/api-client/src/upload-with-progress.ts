import { apiErrorOf, networkError } from './api-error';

/**
 * POSTs a multipart form with upload progress: XMLHttpRequest reports it, fetch does not.
 * `onProgress` gets 0–1; the answer is the JSON body, or the ApiError of a non-2xx answer.
 */
export function uploadWithProgress<T>(url: string, body: FormData, onProgress?: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(networkError('upload failed'));
    request.onload = () => {
      const response = new Response(request.responseText || null, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText || 'null') as T);
      else void apiErrorOf(response).then(reject);
    };
    request.send(body);
  });
}
