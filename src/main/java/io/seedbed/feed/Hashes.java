package io.seedbed.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic keys for output rows, so that a replay rewrites the same rows. */
public final class Hashes {
  private Hashes() {}

  public static String sha256Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shorter key: the first 32 hex characters (128 bits) of the SHA-256 of the joined parts. */
  public static String key(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p).append('\u001f');
    }
    return sha256Hex(sb.toString()).substring(0, 32);
  }
}
