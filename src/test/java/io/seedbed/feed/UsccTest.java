package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

  /**
   * 91371100706285721Y, worked by hand with the GB 32100-2015 weights (character values are their
   * index in 0123456789ABCDEFGHJKLMNPQRTUWXY):
   * <pre>
   *   char   9  1  3   7   1   1   0   0   7   0   6   2  8   5   7   2   1
   *   weight 1  3  9  27  19  26  16  17  20  29  25  13  8  24  10  30  28
   *   prod   9  3 27 189  19  26   0   0 140   0 150  26 64 120  70  60  28   sum = 931
   *   931 mod 31 = 1;  (31 - 1) mod 31 = 30;  ALPHABET[30] = 'Y'
   * </pre>
   */
  @Test
  void checkCharacterWorkedByHand() {
    assertThat(Uscc.checkCharacter("91371100706285721")).isEqualTo('Y');
    assertThat(Uscc.isValid("91371100706285721Y")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "91371100706285721Y", // sum 931, check 30 = Y (above)
      "91370000163446410B", // sum 795, 795 mod 31 = 20, check 11 = B
      "91371100MA3C2X4K7U", // sum 2732, mod 31 = 4, check 27 = U
      "91371102MA3N5YJ209", // sum 2378, mod 31 = 22, check 9 = 9
      "92371121MA3D0PLT1D", // sum 2839, mod 31 = 18, check 13 = D (individual business)
      "91371100MA3C2X4KX0", // sum 3348 = 108 * 31, check (31 - 0) mod 31 = 0 = '0'
  })
  void validCodes(String code) {
    assertThat(Uscc.isValid(code)).isTrue();
    assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "91371100706285721X", // wrong check character (Y expected)
      "91370000163446410C", // wrong check character (B expected)
      "91371100MA3C2X4KX1", // wrong check character (0 expected)
      "91371100ma3c2x4k7u", // lower case is not repaired
      "91371100MA3C2X4K7u", // lower-case check character
      "91371100MI3C2X4K7U", // I is not in the alphabet
      "91371100MO3C2X4K7U", // O
      "91371100MS3C2X4K7U", // S
      "91371100MV3C2X4K7U", // V
      "91371100MZ3C2X4K7U", // Z
      "9137110070628572Y",  // 17 characters
      "91371100706285721YY", // 19 characters
      " 91371100706285721Y", // not trimmed
      "91371100706285721Y ",
      "９1371100706285721Y", // full-width digit
      "",
  })
  void invalidCodes(String code) {
    assertThat(Uscc.isValid(code)).isFalse();
  }

  @Test
  void nullIsInvalid() {
    assertThat(Uscc.isValid(null)).isFalse();
  }

  @Test
  void checkCharacterNeedsSeventeenAlphabetCharacters() {
    assertThatThrownBy(() -> Uscc.checkCharacter("9137110070628572"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Uscc.checkCharacter("9137110070628572I"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
