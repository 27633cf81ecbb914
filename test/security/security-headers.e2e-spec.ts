import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';

/** `Content-Security-Policy` as directive → sources. */
function csp(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

/** What a source list allows, falling back to `default-src` as browsers do. */
const allowed = (policy: Map<string, string[]>, directive: string): string[] =>
  policy.get(directive) ?? policy.get('default-src') ?? [];

describe('security headers', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '2' });
    http = request(api.app.getHttpServer());
  });
  afterAll(() => api.close());

  async function responses(): Promise<[string, request.Response][]> {
    const admin = await bearer(api, 'contoso', 'admin-agent');
    const operator = await bearer(api, 'platform', 'operator');
    const created = await http
      .post('/v1/partners')
      .set('Authorization', operator)
      .send({ id: 'contoso', name: 'Contoso', programs: ['direct-bill'] });
    const added = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(newCustomerBody());
    await http.get('/v1/partners/me').set('Authorization', admin);
    const limited = await http.get('/v1/partners/me').set('Authorization', admin);
    return [
      ['201 command', created],
      ['2xx/429 command', added],
      ['429', limited],
      ['health', await http.get('/health')],
      ['401', await http.get('/v1/customers/x')],
      ['404 route', await http.get('/nowhere')],
      [
        '400 malformed JSON',
        await http.post('/v1/tags').set('Content-Type', 'application/json').send('{"name":'),
      ],
    ];
  }

  it('are on every api response, errors included, with a lock-down CSP', async () => {
    const all = await responses();
    expect(all.map(([, r]) => r.status)).toEqual([201, 201, 429, 200, 401, 404, 400]);
    for (const [name, response] of all) {
      const headers = response.headers;
      expect({ name, nosniff: headers['x-content-type-options'] }).toEqual({
        name,
        nosniff: 'nosniff',
      });
      expect(headers['x-powered-by']).toBeUndefined();
      // A year, for this host and its subdomains.
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
      const policy = csp(headers['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  describe('the Swagger UI at /docs', () => {
    it('loads under its own policy: same-origin scripts, no inline script, inline styles', async () => {
      const page = await http.get('/docs').expect(200);
      const policy = csp(page.headers['content-security-policy']);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);

      // Every script is an external, same-origin file: nothing inline (script-src has no
      // 'unsafe-inline'), and each of them loads.
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      expect(allowed(policy, 'script-src')).toContain("'self'");
      expect(allowed(policy, 'script-src')).not.toContain("'unsafe-inline'");
      for (const [, attributes, body] of scripts) {
        expect(body?.trim()).toBe('');
        const src = /src="([^"]+)"/.exec(attributes ?? '')?.[1];
        expect(src).toMatch(/^\.\//);
        const asset = await http.get(new URL(src as string, 'http://x/').pathname);
        expect({ src, status: asset.status }).toEqual({ src, status: 200 });
      }

      // The page has <style> blocks and style="" attributes, its stylesheet data: images.
      expect(page.text).toMatch(/<style>/);
      expect(allowed(policy, 'style-src')).toEqual(
        expect.arrayContaining(["'self'", "'unsafe-inline'"]),
      );
      const stylesheet = /<link rel="stylesheet" type="text\/css" href="([^"]+)"/.exec(page.text);
      const css = await http.get(new URL(stylesheet?.[1] as string, 'http://x/').pathname);
      expect(css.status).toBe(200);
      expect(css.text).toContain('data:image');
      expect(allowed(policy, 'img-src')).toContain('data:');
      // The UI's "Try it out" calls the api on this origin.
      expect(allowed(policy, 'connect-src')).toContain("'self'");
    });
  });
});
