import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/text/decode';

const text = '> 09:02:16  李雄峰  \n近期分享安排 [强]\n';

function utf16(value: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + value.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const [a, b] = endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[2 + i * 2] = a;
    bytes[3 + i * 2] = b;
  }
  return bytes;
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeBytes(plain)).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toMatchObject({
      ok: true,
      text,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 little and big endian with a BOM', () => {
    expect(decodeBytes(utf16(text, 'le'))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, 'be'))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });

  it('reads GB18030 when the bytes are not UTF-8', () => {
    // "支付 你好" in GB18030/GBK.
    const gb = new Uint8Array([0xd6, 0xa7, 0xb8, 0xb6, 0x20, 0xc4, 0xe3, 0xba, 0xc3]);
    expect(decodeBytes(gb)).toMatchObject({ ok: true, text: '支付 你好', encoding: 'gb18030' });
  });

  it('reads a UTF-8 file with a stray bad byte as UTF-8, and says so', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('李雄峰 hello '),
      0xff,
      ...new TextEncoder().encode(' 支付'),
    ]);
    const result = decodeBytes(bytes);
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8', text: '李雄峰 hello \uFFFD 支付' });
    expect(result.ok && result.warning).toMatch(/replaced/);
  });

  it('refuses binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeBytes(png)).toEqual({ ok: false, reason: expect.stringContaining('binary') });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: true, text: '' });
  });
});
