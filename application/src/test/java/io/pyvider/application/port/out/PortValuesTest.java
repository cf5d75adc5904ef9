package io.pyvider.application.port.out;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The values that cross the outbound ports: those holding bytes compare by content (a record's own equals would
 * compare array identity), each prints what it is without the bytes, text or secrets it carries, and a failure
 * without a detail gets the problem's own explanation.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortValuesTest {

  private static final String SECRET = "hunter2-port-secret";

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void an_http_response_is_equal_by_content_and_prints_no_body() {
    HttpOutcome.Response response = new HttpOutcome.Response(200, Map.of("etag", List.of("x")), bytes(SECRET),
        Duration.ofMillis(5));

    assertEquals(response, new HttpOutcome.Response(200, Map.of("etag", List.of("x")), bytes(SECRET),
        Duration.ofMillis(5)));
    assertNotEquals(response, new HttpOutcome.Response(201, Map.of("etag", List.of("x")), bytes(SECRET),
        Duration.ofMillis(5)));
    assertNotEquals(response, new HttpOutcome.Response(200, Map.of(), bytes(SECRET), Duration.ofMillis(5)));
    assertNotEquals(response, new HttpOutcome.Response(200, Map.of("etag", List.of("x")), bytes("other"),
        Duration.ofMillis(5)));
    assertNotEquals(response, new HttpOutcome.Response(200, Map.of("etag", List.of("x")), bytes(SECRET),
        Duration.ofMillis(6)));
    assertNotEquals(response, new HttpOutcome.Failed(HttpFailure.TIMEOUT, "slow"));
    assertEquals("Response[200, headers [etag], 19 bytes, PT0.005S]", response.toString());
  }

  @Test
  void an_http_call_prints_where_it_goes_without_user_information_header_values_or_body() {
    HttpCall call = new HttpCall("POST", URI.create("https://user:" + SECRET + "@api.example.com:8443/p?q=1"),
        Map.of("Authorization", SECRET), Optional.of(SECRET), Duration.ofSeconds(30));
    HttpCall plain = new HttpCall("GET", URI.create("https://api.example.com/p"), Map.of(), Optional.empty(),
        Duration.ofSeconds(5));

    assertEquals("HttpCall[POST https://api.example.com:8443..., headers [Authorization] (values redacted), body "
        + "present (redacted), timeout PT30S]", call.toString());
    assertEquals("HttpCall[GET https://api.example.com..., headers [] (values redacted), body none, timeout PT5S]",
        plain.toString());
  }

  @Test
  void sealed_blobs_and_file_contents_are_equal_by_content_and_print_only_their_length() {
    assertEquals(new SealResult.Sealed(bytes(SECRET)), new SealResult.Sealed(bytes(SECRET)));
    assertNotEquals(new SealResult.Sealed(bytes(SECRET)), new SealResult.Sealed(bytes("other")));
    assertNotEquals(new SealResult.Sealed(bytes(SECRET)), new SealResult.Failed("no key"));
    assertEquals("Sealed[19 bytes]", new SealResult.Sealed(bytes(SECRET)).toString());

    assertEquals(new FileRead.Content(bytes(SECRET)), new FileRead.Content(bytes(SECRET)));
    assertNotEquals(new FileRead.Content(bytes(SECRET)), new FileRead.Content(bytes("other")));
    assertNotEquals(new FileRead.Content(bytes(SECRET)), new FileRead.Missing());
    assertEquals("Content[19 bytes]", new FileRead.Content(bytes(SECRET)).toString());
  }

  @Test
  void private_data_prints_its_field_names_only() {
    assertEquals("PrivateData[expires_at, token] (values redacted)",
        PrivateData.of(Map.of("token", SECRET, "expires_at", "later")).toString());
  }

  @Test
  void a_file_failure_without_a_detail_explains_its_problem() {
    assertEquals("permission denied", new FileRead.Failed(FileProblem.PERMISSION_DENIED, null).detail());
    assertEquals("the file system is read-only",
        new FileWrite.Failed(FileProblem.READ_ONLY_FILE_SYSTEM, null).detail());
    assertEquals("the path is a directory", new FileRemoval.Failed(FileProblem.IS_A_DIRECTORY, null).detail());
    assertEquals("", new DirectoryRead.Failed(FileProblem.IO_ERROR, null).detail(), "listing adds the explanation");
    assertEquals("EACCES", new FileRead.Failed(FileProblem.PERMISSION_DENIED, "EACCES").detail());
    assertEquals("EROFS", new FileWrite.Failed(FileProblem.READ_ONLY_FILE_SYSTEM, "EROFS").detail());
    assertEquals("EISDIR", new FileRemoval.Failed(FileProblem.IS_A_DIRECTORY, "EISDIR").detail());
    assertEquals("EIO", new DirectoryRead.Failed(FileProblem.IO_ERROR, "EIO").detail());
  }
}
