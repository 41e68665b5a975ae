import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../../config/config';
import {
  PRIVACY_NOTICE_SECTIONS,
  type PrivacyNotice,
  type PrivacyNoticeSectionId,
  privacyNotice,
} from '../../domain/privacy-notice';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG } from '../common/config.module';

export class PrivacyNoticeSectionDto {
  @ApiProperty({ enum: PRIVACY_NOTICE_SECTIONS, enumName: 'PrivacyNoticeSectionId' })
  id!: PrivacyNoticeSectionId;
  @ApiProperty({ example: 'Data yang dikumpulkan' }) title!: string;
  @ApiProperty({ type: [String] }) items!: string[];
}

export class PrivacyContactDto {
  @ApiProperty({ example: 'pengaduan@dpmptsp.prabumulihkota.go.id' }) email!: string;
  @ApiProperty() address!: string;
}

export class PrivacyNoticeDto {
  @ApiProperty({
    example: '2026-12-02',
    description:
      'Versi pemberitahuan yang berlaku; kirim sebagai privacyNoticeVersion saat mengajukan pengaduan.',
  })
  version!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Ringkasan untuk ditampilkan di atas teks lengkap' }) summary!: string;
  @ApiProperty({ type: [PrivacyNoticeSectionDto] }) sections!: PrivacyNoticeSectionDto[];
  @ApiProperty({ type: PrivacyContactDto, description: 'Kontak pelindungan data DPM-PTSP Kota Prabumulih' })
  contact!: PrivacyContactDto;
  @ApiProperty({ description: 'Kalimat persetujuan pengadu (label kotak centang formulir publik)' })
  acknowledgment!: string;
  @ApiProperty({ description: 'Kalimat yang dikonfirmasi petugas loket untuk pengaduan yang dicatatnya' })
  officerAcknowledgment!: string;
}

/** The privacy notice (UU 27/2022) the forms show before a complaint is taken: public. */
@ApiTags('public')
@Public()
@Controller('privacy-notice')
export class PrivacyNoticeController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOkResponse({
    type: PrivacyNoticeDto,
    description: 'Pemberitahuan pelindungan data pribadi yang berlaku',
  })
  current(): PrivacyNotice {
    return privacyNotice(this.config.privacyContact, this.config.personalDataRetentionYears);
  }
}

@Module({ controllers: [PrivacyNoticeController] })
export class PrivacyNoticeModule {}
