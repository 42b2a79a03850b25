import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Param,
  Post,
  Query,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';

import { CASE_NUMBER_PATTERN, type Actor } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestValidationError } from '../problems/request-validation.error';
import {
  DeadLetterListResponse,
  DeliveryLogResponse,
  ListDeadLettersQuery,
  RetryQuery,
  RetryResponse,
} from './dto/notification-admin.dto';
import { NotificationsAdminService } from './notifications-admin.service';

const NOTIFICATION_KEY_PATTERN = new RegExp(`^${CASE_NUMBER_PATTERN.source.slice(1, -1)}/\\d{1,9}/\\d{1,4}$`);

/** Checks a notification key in the path (sent percent-encoded, as HZ-2025-0001%2F7%2F0). */
@Injectable()
class NotificationKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!NOTIFICATION_KEY_PATTERN.test(value)) {
      throw new RequestValidationError([{ field: 'path.key', constraint: 'isNotificationKey', params: {} }]);
    }
    return value;
  }
}

const KEY_PARAM = {
  name: 'key',
  description: 'Notification key (通知编号) with its slashes percent-encoded, as HZ-2025-0001%2F7%2F0',
};

@ApiTags('notifications (通知投递)')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not an administrator' })
@Controller('admin/notifications')
export class NotificationsAdminController {
  constructor(private readonly notifications: NotificationsAdminService) {}

  @Get('dead-letters')
  @ApiOperation({
    summary: 'List dead letters (死信): deliveries that failed every attempt — admin',
    description: 'Most recently failed first; only notifications of cases in the caller’s jurisdiction and below it.',
  })
  @ApiOkResponse({ type: DeadLetterListResponse })
  listDeadLetters(@CurrentActor() actor: Actor, @Query() query: ListDeadLettersQuery): Promise<DeadLetterListResponse> {
    return this.notifications.listDeadLetters(actor, query);
  }

  @Get(':key')
  @ApiOperation({ summary: 'Read a notification with its deliveries and delivery log (投递记录) — admin' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: DeliveryLogResponse })
  @ApiNotFoundResponse({ description: 'No notification has this key within the caller’s scope' })
  deliveryLog(
    @CurrentActor() actor: Actor,
    @Param('key', NotificationKeyPipe) key: string,
  ): Promise<DeliveryLogResponse> {
    return this.notifications.deliveryLog(actor, key);
  }

  @Post(':key/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Re-queue a dead letter (重试死信) — admin',
    description:
      'Puts the dead deliveries of the notification back in the queue, due now, with a fresh allowance of attempts. ' +
      'The dispatcher sends them on its next poll.',
  })
  @ApiParam(KEY_PARAM)
  @ApiAcceptedResponse({ type: RetryResponse })
  @ApiNotFoundResponse({ description: 'No notification has this key within the caller’s scope' })
  @ApiConflictResponse({ description: 'The notification has no dead-letter delivery (on that channel)' })
  retry(
    @CurrentActor() actor: Actor,
    @Param('key', NotificationKeyPipe) key: string,
    @Query() query: RetryQuery,
  ): Promise<RetryResponse> {
    return this.notifications.retry(actor, key, query.channel);
  }
}
