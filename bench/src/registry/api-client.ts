import http from 'node:http';
import { elapsedMs } from '../stats.ts';

export interface ApiResponse {
  status: number;
  body: string;
  ms: number;
}

/** A signed-in user of the real server over one keep-alive loopback connection, timing each request end to end. */
export class ApiSession {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;
  private cookie = '';

  constructor(address: string) {
    this.url = new URL(address);
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200 || !this.cookie) throw new Error(`login failed (${String(res.status)}): ${res.body}`);
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  private request(method: 'GET' | 'POST', path: string, json?: object): Promise<ApiResponse> {
    const payload = json ? JSON.stringify(json) : undefined;
    const headers: http.OutgoingHttpHeaders = payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {};
    if (this.cookie) headers.cookie = this.cookie;
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.url.hostname, port: this.url.port, path, method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const session = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sinergi_session='));
          if (session) this.cookie = session.split(';')[0] ?? '';
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: elapsedMs(started) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
