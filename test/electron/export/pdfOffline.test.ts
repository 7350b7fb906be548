/**
 * PDF export stays off the network: the headless Chromium that prints resolves no name and opens
 * no connection (it used to look up accounts.google.com and update.googleapis.com). Measured with
 * strace on the real browser: every socket, connect and send of every process it starts.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../../electron/service/export/pdf';
import { hasCommand } from '../../fixtures/commands';

const chromium = findChromium();
const strace = hasCommand('strace', '-V');
if (chromium === null || !strace)
  console.log('PDF offline test skipped: it needs Chromium (or Chrome) and strace.');

interface NetworkUse {
  /** Connections to a DNS server (port 53). */
  dns: string[];
  /** Names looked up, as they appear in DNS queries. */
  names: string[];
  /** TCP connections anywhere but loopback. */
  connections: string[];
}

/**
 * What a strace log says the processes did on the network. A UDP socket connected without
 * sending (Chromium's probe for a local IPv6 address) sends no packet, so it is not counted;
 * any socket connected to port 53 is.
 */
function networkUse(log: string): NetworkUse {
  const datagram = new Set<string>();
  const pendingSocket = new Map<string, boolean>();
  const use: NetworkUse = { dns: [], names: [], connections: [] };
  for (const line of log.split('\n')) {
    const pid = /^(\d+) /.exec(line)?.[1] ?? '';
    const opened = /socket\(AF_INET6?, (SOCK_\w+)/.exec(line);
    if (opened) pendingSocket.set(pid, opened[1] === 'SOCK_DGRAM');
    const descriptor = /(?:socket\(AF_INET6?,.*|<\.\.\. socket resumed>.*)\)\s+=\s+(\d+)$/.exec(
      line,
    )?.[1];
    if (descriptor !== undefined && pendingSocket.has(pid)) {
      if (pendingSocket.get(pid)) datagram.add(`${pid}:${descriptor}`);
      pendingSocket.delete(pid);
    }
    const connect =
      /connect\((\d+), \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\).*?(?:inet_addr\(|inet_pton\(AF_INET6, )"([^"]*)"/.exec(
        line,
      );
    if (connect) {
      const [, fd, port, address] = connect;
      const loopback = address === '127.0.0.1' || address === '::1';
      if (port === '53') use.dns.push(address ?? '');
      else if (!loopback && !datagram.has(`${pid}:${fd}`))
        use.connections.push(`${address}:${port}`);
    }
    for (const name of line.matchAll(
      /\\(?:\d{1,3}|[a-z])([a-z0-9-]{2,})\\(?:\d{1,3}|[a-z])(com|net|org|io)\\0/g,
    ))
      use.names.push(`${name[1]}.${name[2]}`);
  }
  return use;
}

describe.skipIf(chromium === null || !strace)('PDF export and the network', () => {
  const folder = mkdtempSync(join(tmpdir(), 'scrollback-pdf-strace-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('resolves no name and opens no connection while printing', async () => {
    const log = join(folder, 'strace.log');
    const wrapper = join(folder, 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nexec strace -f -qq -s 256 -e trace=socket,connect,sendto,sendmsg,sendmmsg -o '${log}' '${chromium}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const requests: string[] = [];
    const pdf = await chromiumPrinter({
      executablePath: wrapper,
      onRequest: (url) => requests.push(url),
    })(
      '<!doctype html><meta charset="utf-8"><p>李雄峰: 近期分享安排 <a href="https://example.com/">link</a></p>',
    );
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const use = networkUse(readFileSync(log, 'utf8'));
    console.log(
      `PDF printing under strace: ${use.dns.length} DNS connections, ${use.names.length} names looked up, ${use.connections.length} TCP connections off loopback`,
    );
    expect(use).toEqual({ dns: [], names: [], connections: [] });
    expect(requests).toEqual([]);
  }, 120_000);
});
