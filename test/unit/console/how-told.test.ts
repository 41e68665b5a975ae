/** What the front desk's receipt tells a complainant about how they hear of progress (src/console/how-told.ts). */
import { howTold } from '../../../src/console/how-told';
import { complainantTarget } from '../../../src/notifications/notification-delivery';

const form = (notifyBy: string, email: string, phone: string) => ({ notifyBy, email, phone });

describe('howTold', () => {
  it('names the channel the dispatcher will use', () => {
    expect(howTold(form('', 'a@b.id', '0812'))).toBe('Perkembangan dikirim ke email a@b.id.');
    expect(howTold(form('', '', '0812'))).toBe('Perkembangan dikirim melalui SMS ke 0812.');
    expect(howTold(form('WHATSAPP', 'a@b.id', '0812'))).toBe(
      'Perkembangan dikirim melalui WhatsApp ke 0812.',
    );
    expect(howTold(form('NONE', 'a@b.id', ''))).toContain('memilih tidak diberi tahu');
  });

  it('tells a complainant without contact that the desk passes progress on, as delivery does', () => {
    expect(howTold(form('', ' ', ''))).toContain('disampaikan melalui loket');
    expect(complainantTarget({ notifyBy: null, complainantEmail: null, complainantPhone: null })).toEqual(
      expect.objectContaining({ atDesk: true }),
    );
  });
});
