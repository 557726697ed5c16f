package dev.stratus.template.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void aMessageIsItsWordsWithTheValuesAndItsTag() {
    Message m = Diagnostic.InternalError.with("java.lang.IllegalStateException: boom at X.y(X.java:1)");
    assertThat(m.tagged()).isEqualTo("[StratusInternalError] this is a bug in Stratus, please report it with this"
        + " message: java.lang.IllegalStateException: boom at X.y(X.java:1)");
  }

  @Test
  void messagesThatAreOneMistakeShareTheirTag() {
    assertThat(Diagnostic.UnknownDependsOn.tag()).isEqualTo("[StratusUnknownReference]");
    assertThat(Diagnostic.UnknownReference.tag()).isEqualTo("[StratusUnknownReference]");
  }

  @Test
  void aProblemKeepsItsPathAndMayBeDowngraded() {
    Problem p = Problem.of(List.of("Resources", "A", "DependsOn"), Diagnostic.UnknownDependsOn, "B", "");
    assertThat(p.describe()).isEqualTo("[StratusUnknownReference] Resources/A/DependsOn: DependsOn 'B' names no resource");
    assertThat(p.isError()).isTrue();
    assertThat(p.asWarning().isError()).isFalse();
    assertThat(p.asWarning().describe()).isEqualTo(p.describe());
  }
}
