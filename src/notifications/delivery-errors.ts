/**
 * A delivery that no retry can fix (no address for the unit, a channel chosen but not configured, a
 * recipient the server refuses): the notification is marked FAILED at once, with this message.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** Nobody is to be told (the complainant asked not to be, or gave no contact): marked SKIPPED. */
export class SkipDelivery extends Error {
  override name = 'SkipDelivery';
}
