import { describe, expect, it } from 'vitest';
import { sha1, URL_NAMESPACE, uuidV5 } from '../../../src/core/library/uuid-v5';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

describe('sha1', () => {
  // FIPS 180 / RFC 3174 test vectors.
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('hashes %j', (input, digest) => {
    expect(hex(sha1(ascii(input)))).toBe(digest);
  });

  it('hashes a million "a" (many blocks)', () => {
    expect(hex(sha1(new Uint8Array(1_000_000).fill(97)))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 / Python uuid5 values', () => {
    // Python docs: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, ...), names with non-ASCII text encoded as UTF-8.
    expect(uuidV5(URL_NAMESPACE, 'https://example.org/anno/7')).toBe('87b1964c-c527-526c-9b6d-9291ff8db73c');
    expect(uuidV5(URL_NAMESPACE, 'https://example.org/פגסוס/😀')).toBe(
      '6b48867e-76be-5510-b2bd-bcea11b63523',
    );
  });
});
