import {
  checkTarget,
  type ResolveHost,
  type TargetPolicy,
  UnsafeWebhookTarget,
} from './webhook-target.js';

const strict: TargetPolicy = { allowHttp: false, allowedHosts: [] };
const development: TargetPolicy = { allowHttp: true, allowedHosts: ['127.0.0.1', '10.1.0.0/16'] };
/** A resolver with a fixed table: no DNS in tests. */
const resolver =
  (table: Record<string, readonly string[]>): ResolveHost =>
  async (host) =>
    table[host] ?? [];
const hosts = resolver({
  'hooks.partner.example': ['52.10.20.30'],
  'sneaky.example': ['52.10.20.31', '127.0.0.1'],
  'local.example': ['127.0.0.1'],
  'v6-loopback.example': ['::1'],
  'mapped.example': ['::ffff:10.0.0.1'],
});

const refused = (url: string, policy: TargetPolicy = strict) =>
  expect(checkTarget(url, policy, hosts)).rejects.toBeInstanceOf(UnsafeWebhookTarget);

describe('checkTarget (where a webhook may be sent)', () => {
  it('accepts an https URL whose host resolves to public addresses only', async () => {
    const target = await checkTarget('https://hooks.partner.example/in', strict, hosts);
    expect(target.addresses).toEqual(['52.10.20.30']);
  });

  it('refuses plain http unless the operator allows it', async () => {
    await refused('http://hooks.partner.example/in');
    await expect(
      checkTarget('http://hooks.partner.example/in', development, hosts),
    ).resolves.toMatchObject({ addresses: ['52.10.20.30'] });
  });

  it('refuses the cloud metadata endpoint and every link-local address, even when allowed', async () => {
    const everything: TargetPolicy = {
      allowHttp: true,
      allowedHosts: ['169.254.0.0/16', '169.254.169.254'],
    };
    await refused('http://169.254.169.254/latest/meta-data/', everything);
    await refused('https://[fe80::1]/', everything);
    await refused('https://[fd00:ec2::254]/', { allowHttp: false, allowedHosts: ['fd00::/8'] });
  });

  it('refuses private, loopback and unspecified addresses, however they are written', async () => {
    await refused('https://10.0.0.1/');
    await refused('https://127.0.0.1/');
    await refused('https://2130706433/'); // 127.0.0.1 as one number
    await refused('https://0x7f.1/');
    await refused('https://[::1]/');
    await refused('https://[::ffff:127.0.0.1]/');
    await refused('https://0.0.0.0/');
    await refused('https://192.168.1.20/');
    await refused('https://100.64.0.1/');
  });

  it('refuses a name that resolves to loopback, or to a private address among public ones', async () => {
    await refused('https://local.example/');
    await refused('https://v6-loopback.example/');
    await refused('https://sneaky.example/');
    await refused('https://mapped.example/');
  });

  it('accepts loopback and private targets the operator allows, by address or range', async () => {
    await expect(
      checkTarget('http://127.0.0.1:8080/hook', development, hosts),
    ).resolves.toBeDefined();
    await expect(
      checkTarget('http://local.example/hook', development, hosts),
    ).resolves.toBeDefined();
    await expect(checkTarget('https://10.1.2.3/', development, hosts)).resolves.toBeDefined();
    await refused('https://10.2.0.1/', development);
  });

  it('refuses what is not a URL, credentials in the URL, other schemes and unknown names', async () => {
    await refused('not a url');
    await refused('https://user:secret@hooks.partner.example/');
    await refused('ftp://hooks.partner.example/');
    await refused('https://nowhere.example/');
  });

  it('names the URL and the reason', async () => {
    await expect(checkTarget('https://10.0.0.1/x', strict, hosts)).rejects.toThrow(
      'https://10.0.0.1/x cannot receive webhooks: 10.0.0.1 is a private address',
    );
  });
});
