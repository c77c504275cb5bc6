package io.seedbed.feed;

/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
 * {@code 0-9 A-H J-N P-R T U W-Y} whose last character is a check character over the first 17.
 * A code that fails the check is rejected, never repaired.
 */
public final class Uscc {
  /** The 31 characters of the code, in value order (no I, O, S, V, Z). */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private Uscc() {}

  /** Whether {@code code} is 18 characters of the alphabet with a correct check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /** The check character for the first 17 characters of a code (all from {@link #ALPHABET}). */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a USCC character: '" + first17.charAt(i) + "'");
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return ALPHABET.charAt(check);
  }
}
