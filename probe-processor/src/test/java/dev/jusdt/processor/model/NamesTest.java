package dev.jusdt.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void phaseBindingIsTheProviderInUpperCamelCase() {
    assertThat(Names.phaseBinding("haconiwa")).isEqualTo("HaconiwaProbes");
    assertThat(Names.phaseBinding("my_app-x")).isEqualTo("MyAppXProbes");
  }

  @Test
  void phaseBindingOfAProviderWhoseFirstLetterIsADigitIsStillAJavaName() {
    // The property test found it: "_9tjQ" lost its underscore and became "9tjQProbes".
    assertThat(Names.phaseBinding("_9tjQ")).isEqualTo("_9tjQProbes");
    assertThat(SourceVersion.isName(Names.phaseBinding("_8lyy_x"))).isTrue();
  }
}
