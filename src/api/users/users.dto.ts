import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { USERNAME_PATTERN } from '../../db/repositories/user.repository';
import { ESELON_LEVELS, type Eselon } from '../../domain/channels';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/password-policy';
import { UNITS, type Unit } from '../../domain/units';
import { ROLES, type Role } from '../auth/principal';
import { ApiSchemaRule } from '../common/openapi';
import { PaginationQueryDto } from '../complaints/complaint-query.dto';

const AREA_PATTERN = /^16\.74\.\d{2}(\.\d{4})?$/;
// No space at either end: the value is trimmed before it is checked, so the pattern the schema
// documents must already be a trimmed one (Schemathesis found "(8)-5 " refused).
const PHONE_PATTERN = /^\+?[0-9()-][0-9 ()-]{4,18}[0-9()-]$/;

const PASSWORD_RULES = `${PASSWORD_MIN_LENGTH} sampai ${PASSWORD_MAX_LENGTH} karakter, tidak sama dengan nama pengguna, bukan kata sandi umum dan tidak mudah ditebak`;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** An empty string clears an optional field, like null. */
const emptyAsNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;

/** An account as the API shows it: never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'pengaduan' }) username!: string;
  @ApiProperty({ example: 'Kasi Pengaduan dan Informasi Layanan' }) fullName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', nullable: true }) unit!: Unit | null;
  @ApiProperty({ type: String, nullable: true, example: '16.74.01', description: 'Kode Kemendagri wilayah' })
  area!: string | null;
  @ApiProperty({ enum: ESELON_LEVELS, nullable: true }) eselon!: Eselon | null;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '081234567890' }) phone!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passwordChangedAt!: string | null;
}

/**
 * An official who may be named as having received a face-to-face complaint: only what the
 * registration form needs, no contact data.
 */
export class ReceivingOfficialDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Kasi Pengaduan dan Informasi Layanan' }) fullName!: string;
  @ApiProperty({ enum: ESELON_LEVELS, example: 'IV', description: 'Eselon (I sampai IV)' }) eselon!: Eselon;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' }) unit!: Unit;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ListUsersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES, { message: `Peran (role) wajib salah satu dari: ${ROLES.join(', ')}.` })
  role?: Role;

  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit' })
  @IsOptional()
  @IsIn(UNITS, { message: `Unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  unit?: Unit;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Hanya akun aktif / nonaktif' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Filter active wajib bernilai true atau false.' })
  active?: 'true' | 'false';
}

/** The optional fields an admin gives when creating a user and may change later. */
class UserOptionalFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '16.74.01',
    pattern: AREA_PATTERN.source,
    description: 'Kode Kemendagri kecamatan (unit KECAMATAN) atau kelurahan (unit KELURAHAN)',
  })
  @IsOptional()
  @IsString({ message: 'Kode wilayah (area) wajib berupa teks.' })
  @Matches(AREA_PATTERN, {
    message: 'Kode wilayah (area) tidak valid (contoh: 16.74.01 atau 16.74.01.1007).',
  })
  area?: string | null;

  @ApiPropertyOptional({ enum: ESELON_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(ESELON_LEVELS, { message: `Eselon wajib salah satu dari: ${ESELON_LEVELS.join(', ')}.` })
  eselon?: Eselon | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: 254 })
  @Transform(emptyAsNull)
  @IsOptional()
  @IsEmail({}, { message: 'Alamat email tidak valid.' })
  @MaxLength(254, { message: 'Alamat email terlalu panjang.' })
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '081234567890',
    pattern: PHONE_PATTERN.source,
  })
  @Transform(emptyAsNull)
  @IsOptional()
  @IsString({ message: 'Nomor telepon wajib berupa teks.' })
  @Matches(PHONE_PATTERN, { message: 'Nomor telepon tidak valid.' })
  phone?: string | null;
}

export class CreateUserDto extends UserOptionalFieldsDto {
  @ApiProperty({
    example: 'loket2',
    minLength: 3,
    maxLength: 64,
    pattern: USERNAME_PATTERN.source,
    description: 'Huruf kecil, angka, titik, garis bawah atau tanda hubung (huruf besar diubah ke kecil)',
  })
  @Transform(lowerTrimmed)
  @IsString({ message: 'Nama pengguna wajib berupa teks.' })
  @MinLength(3, { message: 'Nama pengguna minimal 3 karakter.' })
  @MaxLength(64, { message: 'Nama pengguna paling banyak 64 karakter.' })
  @Matches(USERNAME_PATTERN, {
    message:
      'Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali dan diakhiri huruf atau angka.',
  })
  username!: string;

  @ApiProperty({ example: 'Petugas Loket 2', minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsString({ message: 'Nama lengkap wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama lengkap wajib diisi.' })
  @Matches(/\S/, { message: 'Nama lengkap wajib diisi.' }) // also in the document: not only spaces
  @MaxLength(200, { message: 'Nama lengkap paling banyak 200 karakter.' })
  fullName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES, { message: `Peran (role) wajib salah satu dari: ${ROLES.join(', ')}.` })
  role!: Role;

  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit', nullable: true, description: 'Wajib untuk STAFF' })
  @IsOptional()
  @IsIn(UNITS, { message: `Unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  unit?: Unit | null;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `Kata sandi awal: ${PASSWORD_RULES}`,
  })
  @IsString({ message: 'Kata sandi wajib berupa teks.' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.` })
  password!: string;
}

/**
 * What an admin may change: a field left out (or null, for fullName and role) stays as it is; null
 * (or an empty string) clears an optional one. A role other than STAFF clears unit and area unless they are given; a unit without
 * areas clears the area.
 */
// What UsersService.update checks: an edit changes at least one field.
@ApiSchemaRule({ minProperties: 1 })
export class UpdateUserDto extends UserOptionalFieldsDto {
  @ApiPropertyOptional({ example: 'Petugas Loket 2', minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsOptional()
  @IsString({ message: 'Nama lengkap wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama lengkap wajib diisi.' })
  @Matches(/\S/, { message: 'Nama lengkap wajib diisi.' }) // also in the document: not only spaces
  @MaxLength(200, { message: 'Nama lengkap paling banyak 200 karakter.' })
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES, { message: `Peran (role) wajib salah satu dari: ${ROLES.join(', ')}.` })
  role?: Role;

  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit', nullable: true })
  @IsOptional()
  @IsIn(UNITS, { message: `Unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  unit?: Unit | null;
}

/** An admin sets a new password for an account. */
export class ResetPasswordDto {
  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `Kata sandi baru: ${PASSWORD_RULES}`,
  })
  @IsString({ message: 'Kata sandi baru wajib berupa teks.' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.` })
  newPassword!: string;
}

/** A signed-in user changes their own password. */
export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password', minLength: 1, maxLength: 200 })
  @IsString({ message: 'Kata sandi saat ini wajib berupa teks.' })
  @IsNotEmpty({ message: 'Kata sandi saat ini wajib diisi.' })
  @MaxLength(200, { message: 'Kata sandi saat ini terlalu panjang.' })
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `Kata sandi baru: ${PASSWORD_RULES}`,
  })
  @IsString({ message: 'Kata sandi baru wajib berupa teks.' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.` })
  newPassword!: string;
}

export class ListSecurityEventsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Hanya peristiwa akun ini' })
  @IsOptional()
  @IsUUID('all', { message: 'userId wajib berupa UUID.' })
  userId?: string;
}

export class SecurityEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({
    example: 'USER_CREATED',
    description:
      'USER_CREATED, USER_UPDATED, USER_DEACTIVATED, USER_REACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED, LOGIN_..., OPEN311_KEY_CREATED, OPEN311_KEY_REVOKED',
  })
  type!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetUsername!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details!: Record<string, unknown> | null;
}

export class SecurityEventPageDto {
  @ApiProperty({ type: [SecurityEventDto] }) items!: SecurityEventDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Masih ada halaman berikutnya' }) hasMore!: boolean;
}
