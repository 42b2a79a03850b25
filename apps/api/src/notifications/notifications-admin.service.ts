import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { isWithinJurisdiction, jurisdictionPrefix, type Actor } from '@duban/domain';
import { DeliveryRepository, type DeadLetterPosition } from '@duban/notifications';

import { ApiProblem } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import {
  DEFAULT_DEAD_LETTER_PAGE_SIZE,
  toAttemptResponse,
  toDeadLetterResponse,
  toDeliveryResponse,
  toNotificationResponse,
  type DeadLetterListResponse,
  type DeliveryLogResponse,
  type ListDeadLettersQuery,
  type RetryResponse,
} from './dto/notification-admin.dto';

/**
 * Dead letters and delivery logs for administrators. An administrator reads only the notifications of
 * cases in their jurisdiction and below it.
 */
@Injectable()
export class NotificationsAdminService {
  private readonly logger = new Logger(NotificationsAdminService.name);
  private readonly deliveries: DeliveryRepository;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.deliveries = new DeliveryRepository(dataSource);
  }

  async listDeadLetters(actor: Actor, query: ListDeadLettersQuery): Promise<DeadLetterListResponse> {
    const scope = requireAdmin(actor);
    const after = query.cursor === undefined ? undefined : decodeDeadLetterCursor(query.cursor);
    const page = await this.deliveries.listDeadLetters(
      jurisdictionPrefix(scope),
      query.limit ?? DEFAULT_DEAD_LETTER_PAGE_SIZE,
      after,
    );
    return {
      items: page.items.map(toDeadLetterResponse),
      nextCursor: page.next ? encodeDeadLetterCursor(page.next) : null,
    };
  }

  async deliveryLog(actor: Actor, key: string): Promise<DeliveryLogResponse> {
    await this.requireVisible(actor, key);
    const notification = await this.deliveries.findNotification(key);
    if (!notification) throw notificationNotFound(key);
    const [deliveries, attempts] = await Promise.all([
      this.deliveries.deliveriesOf(key),
      this.deliveries.attemptsOf(key),
    ]);
    return {
      notification: toNotificationResponse(notification),
      deliveries: deliveries.map(toDeliveryResponse),
      attempts: attempts.map(toAttemptResponse),
    };
  }

  async retry(actor: Actor, key: string, channel: string | undefined): Promise<RetryResponse> {
    await this.requireVisible(actor, key);
    const requeued = await this.deliveries.requeueDead(key, channel);
    if (requeued.length === 0) {
      const on = channel ? { zh: `在 ${channel} 渠道上`, en: ` on ${channel}` } : { zh: '', en: '' };
      throw new ApiProblem('no_dead_letter', {
        zh: `通知 ${key}${on.zh}没有死信投递，无需重试；投递记录见 GET /admin/notifications/${encodeURIComponent(key)}`,
        en: `Notification ${key} has no dead-letter delivery${on.en}, so there is nothing to retry; see GET /admin/notifications/${encodeURIComponent(key)}`,
      });
    }
    this.logger.log(`${actor.id} re-queued the dead ${requeued.join(' and ')} delivery of ${key}`);
    return { requeued, deliveries: (await this.deliveries.deliveriesOf(key)).map(toDeliveryResponse) };
  }

  private async requireVisible(actor: Actor, key: string): Promise<void> {
    const scope = requireAdmin(actor);
    const jurisdiction = await this.deliveries.caseJurisdictionOf(key);
    if (jurisdiction === undefined || !isWithinJurisdiction(jurisdiction, scope)) throw notificationNotFound(key);
  }
}

/** Returns the administrator's jurisdiction, or throws 403 for every other caller. */
function requireAdmin(actor: Actor): string {
  if (actor.role !== 'admin' || !actor.jurisdictionCode) {
    throw new ApiProblem('forbidden', {
      zh: `角色 ${actor.role ?? '（无）'} 不能查看或重试通知投递；该操作仅限系统管理员`,
      en: `Role ${actor.role ?? '(none)'} may not read or retry notification deliveries; only administrators may`,
    });
  }
  return actor.jurisdictionCode;
}

function notificationNotFound(key: string): ApiProblem {
  return new ApiProblem('notification_not_found', {
    zh: `没有通知编号为 ${key} 的通知，或它不在您的管辖范围内`,
    en: `No notification with key ${key} exists within your scope`,
  });
}

// NOTE: dead rows get updated_at from the dispatcher's clock in milliseconds, so the cursor's
// millisecond ISO time matches the stored value exactly.
function encodeDeadLetterCursor(position: DeadLetterPosition): string {
  return Buffer.from(
    JSON.stringify([position.updatedAt.toISOString(), position.notificationKey, position.channel]),
  ).toString('base64url');
}

function decodeDeadLetterCursor(cursor: string): DeadLetterPosition {
  const invalid = () => new RequestValidationError([{ field: 'query.cursor', constraint: 'isCursor', params: {} }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw invalid();
  const [updatedAt, notificationKey, channel] = decoded as unknown[];
  if (typeof updatedAt !== 'string' || typeof notificationKey !== 'string' || typeof channel !== 'string') {
    throw invalid();
  }
  const time = new Date(updatedAt);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== updatedAt) throw invalid();
  return { updatedAt: time, notificationKey, channel };
}
