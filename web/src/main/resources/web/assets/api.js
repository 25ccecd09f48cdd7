// Calls the platform's APIs through the gateway with the access token. Errors are RFC 9457
// problem documents: an ApiError keeps the title, the detail and the field errors.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'The request failed (' + status + ').');
    this.status = status;
    this.title = problem.title || 'Error ' + status;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export function createApi(auth) {
  async function request(method, path, body) {
    const token = auth.accessToken();
    if (!token) {
      await auth.renew();
      return new Promise(() => {}); // the page is leaving for the sign-in
    }
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          Authorization: 'Bearer ' + token, Accept: 'application/json, application/problem+json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check the connection and try again.' });
    }
    if (response.status === 401) {
      await auth.renew();
      return new Promise(() => {});
    }
    const type = response.headers.get('Content-Type') || '';
    const data = response.status === 204 ? null
        : type.includes('json') ? await response.json().catch(() => ({})) : await response.text();
    if (!response.ok) {
      throw new ApiError(response.status, typeof data === 'object' && data ? data
          : { title: 'Error ' + response.status, detail: response.status === 404
              ? 'This function is not available on the server yet.' : 'The request failed (' + response.status + ').' });
    }
    return data;
  }
  /** A picture behind the token (an input's preview): an object URL, or null while there is none (404). */
  async function image(path) {
    const token = auth.accessToken();
    if (!token) {
      return null;
    }
    try {
      const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'image/jpeg' } });
      return response.ok ? URL.createObjectURL(await response.blob()) : null;
    } catch {
      return null;
    }
  }
  return {
    image,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
  };
}
