import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@duban/notifications';

export interface ReceivedWebhook {
  readonly key: string;
  readonly attempt: number;
  readonly body: string;
  readonly payload: Record<string, unknown>;
  readonly signatureValid: boolean;
  readonly receivedAt: number;
}

/** The receiver's response to a request: an HTTP status, after an optional delay. */
export type WebhookResponder = (request: ReceivedWebhook) => number | Promise<number>;

/** A webhook endpoint on 127.0.0.1 that records every request and checks its signature. */
export class WebhookReceiver {
  readonly requests: ReceivedWebhook[] = [];
  respond: WebhookResponder = () => 200;
  private readonly server: Server;

  private constructor(private readonly secret: string) {
    this.server = createServer((request, response) => {
      void this.handle(request).then((status) =>
        response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver failure'),
      );
    });
  }

  static async start(secret: string): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(secret);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/duban-webhook`;
  }

  keys(): string[] {
    return this.requests.map((request) => request.key);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<number> {
    const body = await readBody(request);
    const check = verifyWebhookSignature(
      this.secret,
      headerValue(request, WEBHOOK_HEADERS.timestamp),
      body,
      headerValue(request, WEBHOOK_HEADERS.signature),
    );
    const received: ReceivedWebhook = {
      key: headerValue(request, WEBHOOK_HEADERS.key) ?? '',
      attempt: Number(headerValue(request, WEBHOOK_HEADERS.attempt)),
      body,
      payload: JSON.parse(body) as Record<string, unknown>,
      signatureValid: check.valid,
      receivedAt: Date.now(),
    };
    this.requests.push(received);
    return this.respond(received);
  }
}

export interface ReceivedEmail {
  readonly key: string;
  readonly messageId: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/** Whether the SMTP receiver accepts a message (by its notification key) or rejects it with 451. */
export type EmailResponder = (key: string) => 'accept' | 'reject';

/** An SMTP server on 127.0.0.1 without TLS or authentication that records every message it accepts. */
export class SmtpReceiver {
  readonly messages: ReceivedEmail[] = [];
  respond: EmailResponder = () => 'accept';
  /** Keys of the messages the receiver rejected with 451. */
  readonly rejected: string[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream: SMTPServerDataStream, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        this.receive(stream).then(callback, callback);
      },
    });
  }

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    // A sender killed mid-conversation resets its connection, and smtp-server emits that as an 'error' event,
    // which would crash the test process without a listener. The test counts the messages instead.
    receiver.server.on('error', () => undefined);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', () => resolve()));
    return receiver;
  }

  get url(): string {
    const address = (this.server as unknown as { server: Server }).server.address() as AddressInfo;
    return `smtp://127.0.0.1:${address.port}`;
  }

  keys(): string[] {
    return this.messages.map((message) => message.key);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Parses a message and records it, or returns the 451 error the server rejects it with. */
  private async receive(stream: SMTPServerDataStream): Promise<Error | undefined> {
    const mail = await simpleParser(stream);
    const header = mail.headers.get('x-duban-notification-key');
    const key = typeof header === 'string' ? header : '';
    if (this.respond(key) === 'reject') {
      this.rejected.push(key);
      return Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 });
    }
    const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
    this.messages.push({
      key,
      messageId: mail.messageId ?? '',
      to: to.flatMap((group) => group.value.map((address) => address.address ?? '')),
      subject: mail.subject ?? '',
      text: mail.text ?? '',
    });
    return undefined;
  }
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Counts how many times each value occurs. */
export function countRepeats(values: readonly string[]): { distinct: number; repeats: number } {
  const distinct = new Set(values).size;
  return { distinct, repeats: values.length - distinct };
}
