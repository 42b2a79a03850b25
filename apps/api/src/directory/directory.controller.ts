import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import type { Actor } from '@duban/domain';

import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreditCodePipe, JurisdictionCodePipe, UserIdPipe } from './directory-parameters';
import { DirectoryService } from './directory.service';
import {
  CreateJurisdictionBody,
  JurisdictionListResponse,
  JurisdictionResponse,
  ListJurisdictionsQuery,
  UpdateJurisdictionBody,
} from './dto/jurisdiction.dto';
import { CreateUnitBody, ListUnitsQuery, UnitListResponse, UnitResponse, UpdateUnitBody } from './dto/unit.dto';
import { CreateUserBody, ListUsersQuery, UpdateUserBody, UserListResponse, UserResponse } from './dto/user.dto';

const UNUSABLE_REFERENCE = 'reference_not_usable: a referenced jurisdiction or unit is missing or inactive';

@ApiTags('administration (系统管理)')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not an administrator (系统管理员)' })
@UseGuards(AdminOnlyGuard)
@Controller('admin/jurisdictions')
export class JurisdictionsAdminController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'List jurisdictions (辖区列表) in code order — admin' })
  @ApiOkResponse({ type: JurisdictionListResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListJurisdictionsQuery): Promise<JurisdictionListResponse> {
    return this.directory.listJurisdictions(actor, query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Read one jurisdiction (辖区详情) — admin' })
  @ApiParam({ name: 'code', description: 'Administrative division code (行政区划代码)', example: '430102' })
  @ApiOkResponse({ type: JurisdictionResponse })
  @ApiNotFoundResponse({ description: 'No jurisdiction has this code' })
  get(@CurrentActor() actor: Actor, @Param('code', JurisdictionCodePipe) code: string): Promise<JurisdictionResponse> {
    return this.directory.getJurisdiction(actor, code);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a new division (新增行政区划) — admin',
    description:
      'For divisions created after the seeded edition. The parent must exist, be active and contain the code.',
  })
  @ApiCreatedResponse({ type: JurisdictionResponse })
  @ApiConflictResponse({ description: 'jurisdiction_exists: the code is taken' })
  @ApiUnprocessableEntityResponse({ description: UNUSABLE_REFERENCE })
  create(@CurrentActor() actor: Actor, @Body() body: CreateJurisdictionBody): Promise<JurisdictionResponse> {
    return this.directory.createJurisdiction(actor, body);
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Rename a division or mark it inactive when merged (修改或撤并行政区划) — admin',
    description: 'An inactive division keeps its cases, units and users, but no new case, unit or user may name it.',
  })
  @ApiParam({ name: 'code', description: 'Administrative division code (行政区划代码)' })
  @ApiOkResponse({ type: JurisdictionResponse })
  @ApiNotFoundResponse({ description: 'No jurisdiction has this code' })
  @ApiConflictResponse({ description: 'jurisdiction_has_active_children: deactivate the divisions below it first' })
  update(
    @CurrentActor() actor: Actor,
    @Param('code', JurisdictionCodePipe) code: string,
    @Body() body: UpdateJurisdictionBody,
  ): Promise<JurisdictionResponse> {
    return this.directory.updateJurisdiction(actor, code, body);
  }
}

@ApiTags('administration (系统管理)')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not an administrator (系统管理员)' })
@UseGuards(AdminOnlyGuard)
@Controller('admin/units')
export class UnitsAdminController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'List registered units (单位列表) in credit code order — admin' })
  @ApiOkResponse({ type: UnitListResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQuery): Promise<UnitListResponse> {
    return this.directory.listUnits(actor, query);
  }

  @Get(':creditCode')
  @ApiOperation({ summary: 'Read one unit (单位详情) — admin' })
  @ApiParam({ name: 'creditCode', description: 'Unified social credit code (统一社会信用代码)' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiNotFoundResponse({ description: 'No unit is registered with this credit code' })
  get(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string): Promise<UnitResponse> {
    return this.directory.getUnit(actor, creditCode);
  }

  @Post()
  @ApiOperation({ summary: 'Register a unit (登记单位) — admin' })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiConflictResponse({ description: 'unit_exists: the credit code is registered already' })
  @ApiUnprocessableEntityResponse({ description: UNUSABLE_REFERENCE })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitBody): Promise<UnitResponse> {
    return this.directory.createUnit(actor, body);
  }

  @Patch(':creditCode')
  @ApiOperation({ summary: 'Change a unit’s name, jurisdiction or address (修改单位信息) — admin' })
  @ApiParam({ name: 'creditCode', description: 'Unified social credit code (统一社会信用代码)' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiNotFoundResponse({ description: 'No unit is registered with this credit code' })
  @ApiUnprocessableEntityResponse({ description: UNUSABLE_REFERENCE })
  update(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Body() body: UpdateUnitBody,
  ): Promise<UnitResponse> {
    return this.directory.updateUnit(actor, creditCode, body);
  }
}

@ApiTags('administration (系统管理)')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not an administrator (系统管理员)' })
@UseGuards(AdminOnlyGuard)
@Controller('admin/users')
export class UsersAdminController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'List users (用户列表) in id order — admin' })
  @ApiOkResponse({ type: UserListResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<UserListResponse> {
    return this.directory.listUsers(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one user (用户详情) — admin' })
  @ApiParam({ name: 'id', description: 'User id (用户标识), the `sub` claim of its tokens' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No user has this id' })
  get(@CurrentActor() actor: Actor, @Param('id', UserIdPipe) id: string): Promise<UserResponse> {
    return this.directory.getUser(actor, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a user (新增用户) — admin',
    description: 'A unit user names a registered unit; every other role names an active jurisdiction.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'user_exists: the id is taken' })
  @ApiUnprocessableEntityResponse({ description: UNUSABLE_REFERENCE })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserBody): Promise<UserResponse> {
    return this.directory.createUser(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user, or deactivate it (修改或停用用户) — admin',
    description: 'A user marked inactive gets 401 on its next request, whatever claims its token carries.',
  })
  @ApiParam({ name: 'id', description: 'User id (用户标识)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No user has this id' })
  @ApiUnprocessableEntityResponse({ description: UNUSABLE_REFERENCE })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UserIdPipe) id: string,
    @Body() body: UpdateUserBody,
  ): Promise<UserResponse> {
    return this.directory.updateUser(actor, id, body);
  }
}
