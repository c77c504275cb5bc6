package io.seedbed.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic keys for output rows, so that a replay rewrites the same rows. */
public final class Hashes {
  private static final HexFormat HEX = HexFormat.of();
  /**
   * One digest per thread: {@code MessageDigest.getInstance} looks the algorithm up in the security
   * providers on every call, and keys are computed for several rows of every record.
   */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private Hashes() {}

  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256(text));
  }

  /** A shorter key: the first 32 hex characters (128 bits) of the SHA-256 of the joined parts. */
  public static String key(Object... parts) {
    StringBuilder sb = new StringBuilder(160);
    for (Object p : parts) {
      sb.append(p).append('\u001f');
    }
    return HEX.formatHex(sha256(sb.toString()), 0, 16);
  }

  private static byte[] sha256(String text) {
    return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
  }
}
