/**
 * A delivery that no retry can fix (no address for the unit, a channel chosen but not configured, a
 * recipient the server refuses): the notification is marked FAILED at once, with this message.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/**
 * Nobody is to be told by a message (the complainant asked not to be, or gave no contact): marked
 * SKIPPED. `channel` DESK: the complainant gave no contact, so the front desk tells them when they
 * come or call; the row then appears in the front desk's notification list.
 */
export class SkipDelivery extends Error {
  override name = 'SkipDelivery';
  constructor(
    message: string,
    readonly channel: 'DESK' | null = null,
  ) {
    super(message);
  }
}
