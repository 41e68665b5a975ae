import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { RetentionPreviewDto, RetentionRunDto } from './retention.dto';
import { RetentionService } from './retention.service';

/**
 * Retention of the complainants' personal data (UU 27/2022), for the admin: the dry run and a run
 * now. The retensi-data-pribadi schedule runs the same every day at 02:00 WIB.
 */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('preview')
  @Allow({ roles: ['ADMIN'] })
  @ApiOperation({
    summary:
      'Pratinjau retensi: pengaduan yang data pribadinya akan dianonimkan bila retensi dijalankan sekarang',
  })
  @ApiOkResponse({ type: RetentionPreviewDto })
  @ApiForbiddenResponse({ description: 'Hanya admin.' })
  preview(): Promise<RetentionPreviewDto> {
    return this.retention.preview();
  }

  @Post('run')
  @HttpCode(200)
  @Allow({ roles: ['ADMIN'] })
  @ApiOperation({
    summary:
      'Jalankan retensi sekarang: anonimkan data pribadi pengaduan yang masa retensinya berakhir (boleh diulang)',
  })
  @ApiOkResponse({ type: RetentionRunDto })
  @ApiForbiddenResponse({ description: 'Hanya admin.' })
  run(@CurrentUser() user: Principal): Promise<RetentionRunDto> {
    return this.retention.run(user);
  }
}
