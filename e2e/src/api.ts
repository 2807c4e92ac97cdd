/** A minimal API client for checks after a browser session: keeps the session cookie and the CSRF token. */
export class ApiClient {
  private cookie = '';
  private csrfToken = '';
  constructor(private readonly address: string) {}

  async login(username: string, password: string): Promise<void> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (!response.ok) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
    const me = (await response.json()) as { csrfToken?: string };
    this.csrfToken = me.csrfToken ?? '';
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.request('GET', url);
    if (!response.ok) throw new Error(`GET ${url} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A write with the session's CSRF token; the status is returned as well, for checks that a write is refused. */
  async send<T>(method: 'POST' | 'PUT' | 'PATCH', url: string, body: object): Promise<{ status: number; body: T }> {
    const response = await this.request(method, url, body);
    return { status: response.status, body: (await response.json()) as T };
  }

  private async request(method: string, url: string, body?: object): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (this.cookie) headers.cookie = this.cookie;
    if (body) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.address + url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('sinergi_session='));
    if (session) this.cookie = session.split(';')[0] ?? '';
    return response;
  }
}
