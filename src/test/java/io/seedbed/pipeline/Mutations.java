package io.seedbed.pipeline;

import io.seedbed.feed.Uscc;
import java.util.Random;

/**
 * Mutations of a valid feed line that can never yield a valid line: each breaks the contract in a
 * way the decoder must catch (so a fuzz test can demand a rejection for every one).
 */
final class Mutations {
  static final int KINDS = 5;

  private Mutations() {}

  static String mutate(String line, int kind, Random random) {
    switch (kind) {
      case 0: // random bytes in place of the opening brace: never JSON
        return randomText(random, 1 + random.nextInt(8)) + line.substring(1);
      case 1: // truncated JSON: an object cut before its closing brace
        return line.substring(0, 1 + random.nextInt(line.length() - 2));
      case 2: // wrong type: the USCC as a number
        return line.replaceFirst("\"uscc\":\"[0-9A-Z]{18}\"", "\"uscc\":" + random.nextInt(1_000_000));
      case 3: // bad check character
        return badCheckCharacter(line, random);
      default: // missing field: no kind
        return line.replaceFirst("\"kind\":\"[a-z_]+\",?", "");
    }
  }

  private static String badCheckCharacter(String line, Random random) {
    int field = line.indexOf("\"uscc\":\"");
    int at = field + 8;
    if (field < 0 || at + 18 > line.length() || !Uscc.isValid(line.substring(at, at + 18))) {
      // Already malformed here (feeds carry some): cut it instead, which is never valid either.
      return mutate(line, 1, random);
    }
    String code = line.substring(at, at + 18);
    char good = Uscc.checkCharacter(code.substring(0, 17));
    char bad;
    do {
      bad = Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length()));
    } while (bad == good);
    return line.substring(0, at + 17) + bad + line.substring(at + 18);
  }

  private static String randomText(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = (char) (0x21 + random.nextInt(0x7e - 0x21));
      sb.append(c == '{' ? '#' : c);
    }
    return sb.toString();
  }
}
