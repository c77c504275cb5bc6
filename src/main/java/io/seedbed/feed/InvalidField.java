package io.seedbed.feed;

/**
 * Why one field of a line cannot be accepted. Thrown only on the rejection path (never for a valid
 * line) and without a stack trace, so rejecting a bad line costs about as little as accepting one.
 */
final class InvalidField extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final RejectReason reason;

  InvalidField(RejectReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }
}
