import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'pengaduan', maxLength: 64 })
  @IsString({ message: 'Nama pengguna wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama pengguna wajib diisi.' })
  @MaxLength(64, { message: 'Nama pengguna terlalu panjang.' })
  username!: string;

  @ApiProperty({ example: 'rahasia', maxLength: 200 })
  @IsString({ message: 'Kata sandi wajib berupa teks.' })
  @IsNotEmpty({ message: 'Kata sandi wajib diisi.' })
  @MaxLength(200, { message: 'Kata sandi terlalu panjang.' })
  password!: string;
}

export class TokenDto {
  @ApiProperty({
    description: 'JWT to send as `Authorization: Bearer <token>`; valid for `expiresIn` seconds',
  })
  accessToken!: string;

  @ApiProperty({
    description:
      'Gives a new pair at `POST /api/auth/refresh`, once: each use replaces it. Expires unused after ' +
      'REFRESH_TOKEN_HOURS (12 h); a session lasts at most SESSION_MAX_DAYS (7 days).',
  })
  refreshToken!: string;

  @ApiProperty({
    description: 'Seconds the access token is valid for (ACCESS_TOKEN_MINUTES × 60)',
    example: 900,
  })
  expiresIn!: number;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh', maxLength: 200 })
  @IsString({ message: 'Token penyegaran wajib berupa teks.' })
  @IsNotEmpty({ message: 'Token penyegaran wajib diisi.' })
  @MaxLength(200, { message: 'Token penyegaran tidak valid.' })
  refreshToken!: string;
}
