import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  ChangeOwnPasswordDto,
  CreateUserDto,
  ListSecurityEventsQueryDto,
  ListUsersQueryDto,
  ReceivingOfficialDto,
  ResetPasswordDto,
  SecurityEventPageDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './users.dto';
import { UsersService } from './users.service';

const ADMIN_ONLY = 'Hanya admin.';

// Fixed paths (me, security-events, receiving-officials) are declared before ':id' so that they are matched first.
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The signed-in user's own account. */
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: Principal): Promise<UserDto> {
    return this.users.me(user);
  }

  /** The signed-in user changes their own password; every session of theirs ends (sign in again). */
  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Kata sandi diganti; silakan masuk kembali.' })
  @ApiUnprocessableEntityResponse({
    description: 'Kata sandi saat ini salah, atau kata sandi baru terlalu lemah atau sama dengan yang lama.',
  })
  async changeOwnPassword(
    @Body() body: ChangeOwnPasswordDto,
    @CurrentUser() user: Principal,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.changeOwnPassword(body.currentPassword, body.newPassword, { principal: user, ip });
  }

  /** The accounts' audit trail: sign-ins and account changes, newest first. */
  @Get('security-events')
  @Allow({ roles: ['ADMIN'] })
  @ApiOkResponse({ type: SecurityEventPageDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  securityEvents(@Query() query: ListSecurityEventsQueryDto): Promise<SecurityEventPageDto> {
    return this.users.securityEvents(query);
  }

  /**
   * The officials (eselon I to IV, active, of DPM-PTSP) who may be named as having received a
   * face-to-face complaint, for whoever registers complaints: id, name, echelon and unit only.
   */
  @Get('receiving-officials')
  @Allow({ roles: ['STAFF'] })
  @ApiOkResponse({ type: [ReceivingOfficialDto] })
  @ApiForbiddenResponse({ description: 'Hanya petugas yang mendaftarkan pengaduan.' })
  receivingOfficials(): Promise<ReceivingOfficialDto[]> {
    return this.users.receivingOfficials();
  }

  @Get()
  @Allow({ roles: ['ADMIN'] })
  @ApiOkResponse({ type: UserPageDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Post()
  @Allow({ roles: ['ADMIN'] })
  @ApiCreatedResponse({ type: UserDto })
  @ApiUnprocessableEntityResponse({
    description: 'Unit atau wilayah tidak sesuai dengan peran, atau kata sandi terlalu lemah.',
  })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiConflictResponse({ description: 'Nama pengguna sudah dipakai.' })
  create(@Body() body: CreateUserDto, @CurrentUser() admin: Principal, @Ip() ip: string): Promise<UserDto> {
    return this.users.create(body, { principal: admin, ip });
  }

  @Get(':id')
  @Allow({ roles: ['ADMIN'] })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'Pengguna tidak ditemukan.' })
  get(@Param('id') id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  /** A change of role, unit or area ends the user's sessions. */
  @Patch(':id')
  @Allow({ roles: ['ADMIN'] })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'Pengguna tidak ditemukan.' })
  @ApiUnprocessableEntityResponse({
    description:
      'Unit atau wilayah tidak sesuai dengan peran (mis. STAFF tanpa unit), atau admin mencabut peran ADMIN miliknya sendiri.',
  })
  update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.update(id, body, { principal: admin, ip });
  }

  /** Ends the user's sessions and refuses their sign-ins. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @Allow({ roles: ['ADMIN'] })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'Pengguna tidak ditemukan.' })
  @ApiConflictResponse({ description: 'Pengguna sudah nonaktif.' })
  @ApiUnprocessableEntityResponse({ description: 'Admin tidak dapat menonaktifkan akunnya sendiri.' })
  deactivate(@Param('id') id: string, @CurrentUser() admin: Principal, @Ip() ip: string): Promise<UserDto> {
    return this.users.deactivate(id, { principal: admin, ip });
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Allow({ roles: ['ADMIN'] })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'Pengguna tidak ditemukan.' })
  @ApiConflictResponse({ description: 'Pengguna sudah aktif.' })
  reactivate(@Param('id') id: string, @CurrentUser() admin: Principal, @Ip() ip: string): Promise<UserDto> {
    return this.users.reactivate(id, { principal: admin, ip });
  }

  /** An admin sets a new password for the user; the user's sessions end. */
  @Post(':id/password-reset')
  @HttpCode(204)
  @Allow({ roles: ['ADMIN'] })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Kata sandi diganti.' })
  @ApiUnprocessableEntityResponse({ description: 'Kata sandi baru terlalu lemah.' })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'Pengguna tidak ditemukan.' })
  async resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.resetPassword(id, body.newPassword, { principal: admin, ip });
  }
}
