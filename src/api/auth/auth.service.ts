import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { User } from '../../db/entities';
import type { Unit } from '../../domain/units';
import { unauthorized } from '../common/api-error';
import type { Principal, Role } from './principal';

// Compared against when the user does not exist, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string }> {
    const user = await this.em.findOne(User, { username: username.trim().toLowerCase(), active: true });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw unauthorized('Nama pengguna atau kata sandi salah.');
    const principal: Principal = {
      sub: user.id,
      username: user.username,
      role: user.role as Role,
      unit: (user.unit as Unit | null) ?? null,
      area: user.area ?? null,
      eselon: user.eselon ?? null,
    };
    return { accessToken: await this.jwt.signAsync(principal) };
  }
}
