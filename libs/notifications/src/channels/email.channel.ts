import nodemailer, { type Transporter } from 'nodemailer';

import type { NotificationTopic } from '@duban/domain';

import type { AddressBook } from '../address-book';
import { describeRecipient, type OutboxNotification } from '../outbox-notification';
import { DeliveryError, type NotificationChannel, type SendResult } from './channel';

export interface EmailOptions {
  /** smtp:// or smtps:// URL of the SMTP server, with credentials if it needs them. */
  readonly smtpUrl: string;
  /** From header, an address with an optional display name. */
  readonly from: string;
  readonly addressBook: AddressBook;
  readonly language: 'zh' | 'en';
  /** Time in milliseconds the SMTP connection may stay silent before the attempt fails. */
  readonly timeoutMs: number;
}

/** Header carrying the notification key as it is, next to the Message-ID that encodes it. */
export const EMAIL_KEY_HEADER = 'X-Duban-Notification-Key';

/**
 * Sends each notification as a plain-text email to the recipient's addresses from the address book,
 * with the notification key in the Message-ID so mail systems and people can spot repeats. A
 * recipient with no address is skipped, not retried.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transporter: Transporter;
  private readonly messageIdDomain: string;

  constructor(private readonly options: EmailOptions) {
    this.transporter = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
    this.messageIdDomain = addressDomain(options.from);
  }

  async send(notification: OutboxNotification): Promise<SendResult> {
    const to = this.options.addressBook.addressesFor(notification.recipient);
    if (to.length === 0) {
      return {
        outcome: 'skipped',
        reason: `the address book has no email address for ${describeRecipient(notification.recipient)}`,
      };
    }
    const language = this.options.language;
    try {
      await this.transporter.sendMail({
        from: this.options.from,
        to: [...to],
        subject: emailSubject(notification, language),
        text: emailText(notification, language),
        messageId: messageId(notification.key, this.messageIdDomain),
        date: notification.createdAt,
        headers: { [EMAIL_KEY_HEADER]: notification.key },
      });
    } catch (error) {
      throw new DeliveryError(
        `SMTP send to ${to.join(', ')} failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    return { outcome: 'delivered' };
  }

  close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}

/**
 * Builds the Message-ID of a notification: `<key@domain>`, with each '.' of the key written as '%2E' so the
 * left part stays a valid RFC 5322 dot-atom whatever dots a case number has.
 */
export function messageId(key: string, domain: string): string {
  return `<${key.replace(/\./g, '%2E')}@${domain}>`;
}

function addressDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

const TOPIC_TITLES: Record<NotificationTopic, { readonly zh: string; readonly en: string }> = {
  reminder: { zh: '整改期限提醒', en: 'Deadline reminder' },
  overdue_notice: { zh: '逾期通知', en: 'Overdue notice' },
  supervisory_letter: { zh: '督办函', en: 'Supervisory letter' },
  interview: { zh: '约谈', en: 'Interview' },
  interview_scheduled: { zh: '约谈通知', en: 'Interview summons' },
  exposure_proposal: { zh: '曝光提议', en: 'Media exposure proposed' },
  exposure_published: { zh: '曝光已发布', en: 'Media exposure published' },
  exposure_taken_down: { zh: '曝光已撤下', en: 'Media exposure taken down' },
  higher_level_report: { zh: '报告上级政府', en: 'Report to the higher-level government' },
  escalation_resent: { zh: '督办事项重发', en: 'Escalation re-sent' },
  escalation_climbed: { zh: '督办事项提级', en: 'Escalation raised one level' },
  statutory_clock_missed: { zh: '法定时限已超期', en: 'Statutory time limit missed' },
  progress_report_missed: { zh: '整改进展报告逾期', en: 'Progress report overdue' },
  extension_requested: { zh: '延期申请', en: 'Extension requested' },
  extension_decided: { zh: '延期审批结果', en: 'Extension decided' },
  reinspection_requested: { zh: '复查申请', en: 'Reinspection requested' },
  case_listed: { zh: '挂牌督办', en: 'Case listed for supervision' },
  seal_expired: { zh: '临时查封期满', en: 'Temporary seal expired' },
};

export function emailSubject(notification: OutboxNotification, language: 'zh' | 'en'): string {
  const title = (TOPIC_TITLES as Record<string, { zh: string; en: string } | undefined>)[notification.topic];
  if (language === 'zh') return `【督办】${title?.zh ?? notification.topic}：${notification.caseNumber}`;
  return `[Duban] ${title?.en ?? notification.topic}: ${notification.caseNumber}`;
}

export function emailText(notification: OutboxNotification, language: 'zh' | 'en'): string {
  if (language === 'zh') {
    return [
      notification.text.zh,
      '',
      `案件编号：${notification.caseNumber}`,
      `通知编号：${notification.key}`,
      '本邮件由督办系统自动发送。同一通知编号的邮件可能重复送达，请以首封为准。',
    ].join('\n');
  }
  return [
    notification.text.en,
    '',
    `Case number: ${notification.caseNumber}`,
    `Notification key: ${notification.key}`,
    'Duban sent this email automatically. An email with the same notification key may arrive more than once; the first one counts.',
  ].join('\n');
}
