import {
  checkTarget,
  type ResolveHost,
  type TargetPolicy,
  UnsafeWebhookTarget,
  WebhookTargetUnresolved,
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

  it('judges an IPv6 address that carries an IPv4 one (NAT64, 6to4, SIIT) by that address too', async () => {
    await refused('https://[64:ff9b::a00:5]/'); // NAT64 of 10.0.0.5
    await refused('https://[64:ff9b::a9fe:a9fe]/'); // NAT64 of 169.254.169.254
    await refused('https://[2002:a9fe:a9fe::]/'); // 6to4 of 169.254.169.254
    await refused('https://[::ffff:0:a00:1]/'); // SIIT of 10.0.0.1
    await expect(
      checkTarget('https://[64:ff9b::340a:141e]/', strict, hosts),
    ).resolves.toBeDefined();
  });

  it('refuses every address that is not plain public unicast: Teredo, site-local, Azure platform', async () => {
    await refused('https://[2001::1]/');
    await refused('https://[fec0::1]/');
    await refused('https://168.63.129.16/');
  });

  it('never shows credentials or the query string of a refused URL', async () => {
    const refusal = checkTarget('https://user:hunter2@10.0.0.1/in?token=s3cr3t', strict, hosts);
    await expect(refusal).rejects.toThrow('https://10.0.0.1/in cannot receive webhooks');
    await expect(refusal).rejects.not.toThrow(/hunter2|s3cr3t/);
  });

  it('tells a resolver failure (try again later) from a name that does not exist (refused)', async () => {
    const failing: ResolveHost = async () => {
      throw Object.assign(new Error('server failure'), { code: 'ESERVFAIL' });
    };
    const missing: ResolveHost = async () => {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    await expect(
      checkTarget('https://hooks.partner.example/', strict, failing),
    ).rejects.toBeInstanceOf(WebhookTargetUnresolved);
    await expect(
      checkTarget('https://hooks.partner.example/', strict, missing),
    ).rejects.toBeInstanceOf(UnsafeWebhookTarget);
  });
});
