import type { Opener } from '../../../electron/core/platform/opener';

/**
 * Test helper: stands in for the system browser. As the `Opener` it records what the app asks
 * to open; `authorize()` then walks the provider's pages over plain HTTP the way a person would
 * (cookies, redirects, submitting the login and consent forms).
 */

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Where the walk ended. */
export interface BrowserVisit {
  /** The redirect back to the app (our loopback listener). */
  callbackUrl: string;
  /** What the app's listener answered; absent with `stopAtCallback`. */
  status?: number;
  html?: string;
}

export interface AuthorizeOptions {
  login?: string;
  consent?: 'allow' | 'deny';
  /** Stop before requesting the callback, so a test can deliver it itself. */
  stopAtCallback?: boolean;
}

export class TestBrowser implements Opener {
  readonly opened: string[] = [];
  private readonly cookies = new Map<string, Cookie>();

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }

  /** The last URL the app opened. */
  get lastOpened(): string {
    const url = this.opened.at(-1);
    if (!url) throw new Error('the app opened no URL');
    return url;
  }

  /** Signs in at the provider and follows the redirect back to the app. */
  async authorize(authorizationUrl: string, options: AuthorizeOptions = {}): Promise<BrowserVisit> {
    const providerOrigin = new URL(authorizationUrl).origin;
    let url = authorizationUrl;
    let request: RequestInit = {};
    for (let step = 0; step < 20; step++) {
      if (new URL(url).origin !== providerOrigin) {
        if (options.stopAtCallback) return { callbackUrl: url };
        const response = await fetch(url);
        return { callbackUrl: url, status: response.status, html: await response.text() };
      }
      const response = await this.request(url, request);
      request = {};
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).toString();
        continue;
      }
      const html = await response.text();
      if (response.status !== 200)
        throw new Error(`provider answered ${response.status}: ${html.slice(0, 500)}`);
      const step = this.chooseForm(html, options);
      url = new URL(step.action, url).toString();
      request = { method: 'POST', body: step.body };
    }
    throw new Error('too many steps');
  }

  private chooseForm(html: string, options: AuthorizeOptions): { action: string; body: URLSearchParams } {
    const forms = [...html.matchAll(/<form[^>]*data-step="([^"]+)"[^>]*action="([^"]+)"/g)].map((m) => ({
      step: m[1]!,
      action: m[2]!,
    }));
    const wanted = forms.some((f) => f.step === 'login')
      ? 'login'
      : (options.consent ?? 'allow') === 'allow'
        ? 'confirm'
        : 'abort';
    const form = forms.find((f) => f.step === wanted);
    if (!form) throw new Error(`no ${wanted} form on page: ${html.slice(0, 500)}`);
    const body = new URLSearchParams();
    if (wanted === 'login') {
      body.set('login', options.login ?? 'ada');
      body.set('password', 'any password');
    }
    return { action: form.action, body };
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const path = new URL(url).pathname;
    const cookie = [...this.cookies.values()]
      .filter((c) => path.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const header of response.headers.getSetCookie()) this.store(header);
    return response;
  }

  private store(header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attribute = (key: string): string | undefined =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const gone = attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now());
    if (gone) this.cookies.delete(`${name};${path}`);
    else this.cookies.set(`${name};${path}`, { name, value, path });
  }
}
