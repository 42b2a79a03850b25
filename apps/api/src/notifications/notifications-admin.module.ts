import { Module } from '@nestjs/common';

import { NotificationsAdminController } from './notifications-admin.controller';
import { NotificationsAdminService } from './notifications-admin.service';

/** Administrators' view of notification delivery: dead letters, delivery logs and retries. */
@Module({
  controllers: [NotificationsAdminController],
  providers: [NotificationsAdminService],
})
export class NotificationsAdminModule {}
