// Calls the platform's APIs through the gateway with the access token. Errors are RFC 9457
// problem documents: an ApiError keeps the title, the detail and the field errors.

/** What a failed answer means to a person, by its status (a person never reads a status code). */
const STATUS_WORDS = {
  400: ['The request was not accepted', 'Check the entries and try again.'],
  403: ['Not allowed', 'Your account may not do this.'],
  404: ['Not found', 'This item no longer exists, or this function is not available on the server.'],
  409: ['Not possible right now', 'The current state does not allow this. Reload and try again.'],
  413: ['Too large', 'What was sent is too large.'],
  429: ['Too many requests', 'Wait a moment and try again.'],
  502: ['A service is not answering', 'A part of the platform could not be reached. Try again in a moment.'],
  503: ['A service is not available', 'A part of the platform is not available right now. Try again in a moment.'],
  504: ['The server took too long to answer', 'The action may still complete: the page shows the server\'s state.'],
};

export function statusWords(status) {
  return STATUS_WORDS[status] || (status >= 500
    ? ['The server had a problem', 'Try again in a moment.'] : ['The request failed', 'Try again.']);
}

export class ApiError extends Error {
  constructor(status, problem) {
    const [title, detail] = statusWords(status);
    super(problem.detail || detail);
    this.status = status;
    // a problem document's title is for people; a bare "Gateway Timeout" gets a sentence
    this.title = problem.detail ? problem.title || title : title;
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
      throw new ApiError(response.status, typeof data === 'object' && data ? data : {});
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
      const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'image/jpeg, application/problem+json' } });
      return response.ok ? URL.createObjectURL(await response.blob()) : null;
    } catch {
      return null;
    }
  }
  /** A file behind the token (a CSV export), as a Blob; a refusal throws like any other call. */
  async function file(path, accept) {
    const token = auth.accessToken();
    if (!token) {
      await auth.renew();
      return new Promise(() => {});
    }
    let response;
    try {
      response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: accept + ', application/problem+json' } });
    } catch {
      throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check the connection and try again.' });
    }
    if (!response.ok) {
      throw new ApiError(response.status, await response.json().catch(() => ({})));
    }
    return response.blob();
  }
  return {
    image,
    file,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
  };
}
