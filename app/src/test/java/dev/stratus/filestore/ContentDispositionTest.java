package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentDispositionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "report.pdf|attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
      "my file.txt|attachment; filename=\"my file.txt\"; filename*=UTF-8''my%20file.txt",
      "say \"hi\".txt|attachment; filename=\"say _hi_.txt\"; filename*=UTF-8''say%20%22hi%22.txt",
      "back\\slash|attachment; filename=\"back_slash\"; filename*=UTF-8''back%5Cslash",
      "Résumé.pdf|attachment; filename=\"R_sum_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf",
      "日本.txt|attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt",
      "a;b=c,d|attachment; filename=\"a;b=c,d\"; filename*=UTF-8''a%3Bb%3Dc%2Cd",
  })
  void encodesNamesSafely(String name, String header) {
    assertThat(ContentDisposition.attachment(name)).isEqualTo(header);
  }

  @ParameterizedTest
  @CsvSource({"'a\r\nSet-Cookie: x'", "'tab\there'"})
  void headerInjectionIsImpossible(String name) {
    String header = ContentDisposition.attachment(name);
    assertThat(header).doesNotContain("\r").doesNotContain("\n").doesNotContain("\t");
  }
}
