import { fromRefusal } from '../../../src/api/common/api-error';

describe('fromRefusal', () => {
  it('gives each refusal type the HTTP status the workflow refusals get', () => {
    const statuses = Object.fromEntries(
      (['CONFLICT', 'RULE', 'INVALID', 'NOT_FOUND', 'FORBIDDEN'] as const).map((type) => [
        type,
        fromRefusal({ type, message: 'Pesan.' }).getStatus(),
      ]),
    );
    expect(statuses).toEqual({ CONFLICT: 409, RULE: 422, INVALID: 400, NOT_FOUND: 404, FORBIDDEN: 403 });
  });

  it('keeps the message for the user', () => {
    expect(fromRefusal({ type: 'CONFLICT', message: 'Tugas ini sudah diselesaikan.' }).getResponse()).toEqual(
      {
        statusCode: 409,
        message: 'Tugas ini sudah diselesaikan.',
      },
    );
  });
});
