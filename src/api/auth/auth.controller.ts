import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from './auth.decorators';
import { LoginDto, RefreshTokenDto, TokenDto } from './auth.dto';
import { AuthService, LoginLockedError } from './auth.service';
import { clearCodecCookie, setCodecCookie } from './codec-cookie';
import { LOCK_MAX_SECONDS, LOGIN_FAILURE_THRESHOLD } from './login-throttle';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ description: 'Nama pengguna atau kata sandi salah.' })
  @ApiTooManyRequestsResponse({
    description:
      `After ${LOGIN_FAILURE_THRESHOLD.user} failed sign-ins for a username (${LOGIN_FAILURE_THRESHOLD.ip} from ` +
      `one client address), locked for 15 s, doubling with each further failure up to ${LOCK_MAX_SECONDS / 60} ` +
      'minutes; the password is not checked meanwhile. `Retry-After` gives the seconds left.',
  })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenDto> {
    try {
      const pair = await this.auth.login(body.username, body.password, clientAddress(req));
      // For the Temporal Web UI's requests to the codec endpoint (src/api/codec).
      setCodecCookie(req, res, pair.accessToken, pair.expiresIn);
      return pair;
    } catch (err) {
      if (err instanceof LoginLockedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto, description: 'A new pair; the refresh token sent is used up.' })
  @ApiUnauthorizedResponse({
    description:
      'Sesi sudah berakhir atau tidak valid: unknown, expired or already used token (a reuse ends all ' +
      "the user's sessions), deactivated user, or an account change since sign-in.",
  })
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenDto> {
    const pair = await this.auth.refresh(body.refreshToken, clientAddress(req));
    setCodecCookie(req, res, pair.accessToken, pair.expiresIn);
    return pair;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The refresh token is revoked (an unknown or ended one is ignored).' })
  async logout(
    @Body() body: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(body.refreshToken, clientAddress(req));
    clearCodecCookie(req, res);
  }
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
