import { ArgumentMetadata } from '@nestjs/common';
import { IsString } from 'class-validator';
import { ApiError } from '../../../src/api/common/api-error';
import { createValidationPipe } from '../../../src/api/common/validation';

class Body {
  @IsString({ message: 'Nama wajib berupa teks.' })
  name!: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Body };

async function messageFor(value: unknown): Promise<string> {
  try {
    await createValidationPipe().transform(value, metadata);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).getStatus()).toBe(400);
    return ((err as ApiError).getResponse() as { message: string }).message;
  }
  throw new Error('expected a validation error');
}

describe('request validation', () => {
  it('answers in Bahasa Indonesia, also for the rules class-validator words itself', async () => {
    expect(await messageFor({ name: 5 })).toBe('Nama wajib berupa teks.');
    expect(await messageFor({ name: 'Siti', admin: true })).toBe('Kolom "admin" tidak dikenal.');
    expect(await messageFor([{ name: 'Siti' }])).not.toMatch(/unknown value|object is expected/i);
  });

  it('lets a valid body through as its DTO class', async () => {
    const value = await createValidationPipe().transform({ name: 'Siti' }, metadata);
    expect(value).toBeInstanceOf(Body);
  });
});
