/**
 * SHA-1 (FIPS 180-4) over bytes, for name-based UUIDs only: the domain imports no crypto
 * module, and a UUID version 5 is defined over SHA-1. Not for anything that needs a secure
 * hash — SHA-1 is broken for collisions, which a name-based id does not rely on.
 */
export function sha1(message: Uint8Array): Uint8Array {
  const words = padded(message);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!;
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      const temp = (rotl(a, 5) + f(t, b, c, d) + e + K[Math.floor(t / 20)]! + w[t]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, temp];
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const digest = new Uint8Array(20);
  const view = new DataView(digest.buffer);
  h.forEach((word, i) => view.setUint32(i * 4, word));
  return digest;
}

const K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6];

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

/** The round function of step `t`: choose, parity, majority, parity. */
function f(t: number, b: number, c: number, d: number): number {
  if (t < 20) return (b & c) | (~b & d);
  if (t < 40 || t >= 60) return b ^ c ^ d;
  return (b & c) | (b & d) | (c & d);
}

/** The message as big-endian 32-bit words: a 1 bit, zeros, its length in bits (64 bits). */
function padded(message: Uint8Array): Uint32Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const bytes = new Uint8Array(blocks * 64);
  bytes.set(message);
  bytes[message.length] = 0x80;
  const view = new DataView(bytes.buffer);
  const bits = message.length * 8;
  view.setUint32(bytes.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(bytes.length - 4, bits >>> 0);
  const words = new Uint32Array(blocks * 16);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4);
  return words;
}
