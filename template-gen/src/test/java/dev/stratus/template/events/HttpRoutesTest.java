package dev.stratus.template.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRoutesTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/file", "/file/{id}", "/files/{proxy+}", "/a.b/c-d_e~f"})
  void validPaths(String path) {
    assertThat(HttpRoutes.checkPath(path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "file|[StratusInvalidHttpRoute] path 'file' must start with '/', e.g. '/file'",
      "/file/|[StratusInvalidHttpRoute] path '/file/' must not end with '/'; write '/file'",
      "/a//b|[StratusInvalidHttpRoute] path '/a//b' has an empty segment ('//')",
      "/a/{id/b|[StratusInvalidHttpRoute] path segment '{id' of '/a/{id/b' is neither literal text nor a parameter like {id}",
      "/{proxy+}/x|[StratusInvalidHttpRoute] greedy parameter {proxy+} must be the last segment of '/{proxy+}/x'",
  })
  void invalidPaths(String path, String message) {
    assertThat(HttpRoutes.checkPath(path)).map(Message::tagged).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "post", "Any", "OPTIONS"})
  void validMethods(String method) {
    assertThat(HttpRoutes.checkMethod(method)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"FETCH", "GETT", ""})
  void invalidMethodsListTheValidOnes(String method) {
    assertThat(HttpRoutes.checkMethod(method)).map(Message::tagged).contains("[StratusInvalidHttpRoute] '" + method
        + "' is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY");
  }
}
