import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from './auth.decorators';
import { LoginDto, TokenDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ description: 'Nama pengguna atau kata sandi salah.' })
  login(@Body() body: LoginDto): Promise<TokenDto> {
    return this.auth.login(body.username, body.password);
  }
}
