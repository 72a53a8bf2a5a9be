import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toCatalogue } from '@reception/protocol';
import { sampleTicket, ticketTestSite } from '@reception/protocol/testing/ticket-site';
import pino from 'pino';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTicket, PAPER_STATUS_REQUEST } from './escpos.ts';
import { SerialTicketPrinter } from './serial-ticket-printer.ts';
import { layoutTicket } from './ticket-layout.ts';
import { printOutcome, type PrintJob } from './ticket-printer.ts';

const site = ticketTestSite();

function job(): PrintJob {
  const ticket = sampleTicket({ created_at: '2026-11-23T02:15:00.000Z' });
  return {
    ticket,
    site: toCatalogue(site),
    position: 3,
    estimated_wait_min: 10,
    counters: [2],
    qr_url: `http://bridge/rate/${ticket.id}`,
  };
}

describe('SerialTicketPrinter over a pseudo-terminal pair (socat)', () => {
  let dir: string;
  let socat: ChildProcess;
  let printerEnd: string;
  let hostEnd: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'printer-'));
    hostEnd = path.join(dir, 'host');
    printerEnd = path.join(dir, 'printer');
    socat = spawn('socat', [`pty,raw,echo=0,link=${hostEnd}`, `pty,raw,echo=0,link=${printerEnd}`]);
    for (let i = 0; i < 100 && !(existsSync(hostEnd) && existsSync(printerEnd)); i++)
      await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    socat.kill();
    await rm(dir, { recursive: true, force: true });
  });

  const printer = () =>
    new SerialTicketPrinter({
      path: hostEnd,
      baudRate: 19200,
      timeZone: () => site.timezone,
      log: pino({ level: 'silent' }),
      statusTimeoutMs: 200,
    });

  async function listen(answer?: number): Promise<{ port: SerialPort; received: () => Buffer }> {
    const port = new SerialPort({ path: printerEnd, baudRate: 19200 });
    await new Promise<void>((r) => port.once('open', () => r()));
    const chunks: Buffer[] = [];
    port.on('data', (d: Buffer) => {
      chunks.push(d);
      if (
        answer !== undefined &&
        Buffer.concat(chunks).subarray(0, 3).equals(PAPER_STATUS_REQUEST) &&
        chunks.length === 1
      ) {
        port.write(Buffer.from([answer]));
      }
    });
    return { port, received: () => Buffer.concat(chunks) };
  }

  it('writes the status request, then exactly the encoded ticket', async () => {
    const { port, received } = await listen(0x12); // paper present
    const j = job();
    await printer().print(j);
    const expected = Buffer.concat([PAPER_STATUS_REQUEST, encodeTicket(layoutTicket(j, site.timezone))]);
    for (let i = 0; i < 100 && received().length < expected.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(received().equals(expected)).toBe(true);
    await new Promise<void>((r) => port.close(() => r()));
  });

  it('reports paper out and an absent printer as a failed print, never as a lost ticket', async () => {
    const { port } = await listen(0x72); // paper end sensor
    const out = await printOutcome(printer(), job());
    expect(out).toEqual({ status: 'failed', message: 'printer is out of paper' });
    await new Promise<void>((r) => port.close(() => r()));
    const gone = new SerialTicketPrinter({
      path: path.join(dir, 'nope'),
      baudRate: 19200,
      timeZone: () => site.timezone,
      log: pino({ level: 'silent' }),
    });
    const missing = await printOutcome(gone, job());
    expect(missing.status).toBe('failed');
  });
});
