import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ApiError } from '../../../src/api/common/api-error';
import { createValidationPipe } from '../../../src/api/common/validation';

class Address {
  @Matches(/^\d{1,3}$/, { message: 'RT wajib berupa angka (1-3 digit).' })
  rt!: string;
}

class Body {
  @IsString({ message: 'Nama wajib berupa teks.' })
  name!: string;

  // The DTOs' order: type, then length and format.
  @IsString({ message: 'Kode wajib berupa teks.' })
  @MaxLength(5, { message: 'Kode paling banyak 5 karakter.' })
  @Matches(/^[A-Z]+$/, { message: 'Kode hanya huruf besar.' })
  code = 'A';

  @IsObject({ message: 'Alamat wajib berupa objek.' })
  @ValidateNested()
  @Type(() => Address)
  address: Address = Object.assign(new Address(), { rt: '1' });
}

class OptionalBody {
  @IsOptional()
  @IsString({ message: 'Catatan wajib berupa teks.' })
  note?: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Body };

async function refusalFor(value: unknown, metatype: ArgumentMetadata['metatype'] = Body): Promise<ApiError> {
  try {
    await createValidationPipe().transform(value, { ...metadata, metatype });
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).getStatus()).toBe(400);
    return err as ApiError;
  }
  throw new Error('expected a validation error');
}

async function messageFor(value: unknown): Promise<string> {
  return ((await refusalFor(value)).getResponse() as { message: string }).message;
}

describe('request validation', () => {
  it('answers in Bahasa Indonesia, also for the rules class-validator words itself', async () => {
    expect(await messageFor({ name: 5 })).toBe('Nama wajib berupa teks.');
    expect(await messageFor({ name: 'Siti', admin: true })).toBe('Kolom "admin" tidak dikenal.');
    // A body that is not an object: no field to name (an array's indices are not fields).
    for (const [notAnObject, metatype] of [
      ['Siti', OptionalBody],
      [5, OptionalBody],
      [true, OptionalBody],
      [[{ name: 'Siti' }], Body],
      [[], OptionalBody],
    ] as const) {
      const refusal = await refusalFor(notAnObject, metatype);
      expect((refusal.getResponse() as { message: string }).message).toBe(
        'Isi permintaan harus berupa objek JSON.',
      );
      expect(refusal.fields).toBeUndefined();
    }
  });

  it('tells each field at fault its first broken rule, by its path, for a form to show beside it', async () => {
    const refusal = await refusalFor({ name: 5, code: 12345678, address: { rt: 'satu' } });
    expect(refusal.fields).toEqual({
      name: 'Nama wajib berupa teks.',
      // A number is told it is not text, not also that it is too long or not capitals.
      code: 'Kode wajib berupa teks.',
      'address.rt': 'RT wajib berupa angka (1-3 digit).',
    });
    expect((refusal.getResponse() as { message: string }).message).toBe(
      'Nama wajib berupa teks. Kode wajib berupa teks. RT wajib berupa angka (1-3 digit).',
    );
    expect((await refusalFor({ name: 'Siti', code: 'abcdefg' })).fields).toEqual({
      code: 'Kode paling banyak 5 karakter.',
    });
    expect((await refusalFor({ name: 'Siti', code: 'abc' })).fields).toEqual({
      code: 'Kode hanya huruf besar.',
    });
  });

  it('lets a valid body through as its DTO class', async () => {
    const value = await createValidationPipe().transform({ name: 'Siti' }, metadata);
    expect(value).toBeInstanceOf(Body);
  });

  it('lets an array through where the handler takes an array or an untyped body', async () => {
    const list = [{ name: 'Siti' }];
    expect(await createValidationPipe().transform(list, { type: 'body', metatype: Array })).toEqual(list);
    expect(await createValidationPipe().transform(list, { type: 'body', metatype: Object })).toEqual(list);
    expect(await createValidationPipe().transform(list, { type: 'body' })).toEqual(list);
  });
});
