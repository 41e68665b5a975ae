import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'pengaduan' })
  @IsString({ message: 'Nama pengguna wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama pengguna wajib diisi.' })
  @MaxLength(64, { message: 'Nama pengguna terlalu panjang.' })
  username!: string;

  @ApiProperty({ example: 'rahasia' })
  @IsString({ message: 'Kata sandi wajib berupa teks.' })
  @IsNotEmpty({ message: 'Kata sandi wajib diisi.' })
  @MaxLength(200, { message: 'Kata sandi terlalu panjang.' })
  password!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <token>`' })
  accessToken!: string;
}
