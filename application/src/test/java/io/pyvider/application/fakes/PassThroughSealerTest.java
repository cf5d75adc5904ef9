package io.pyvider.application.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.From;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The fake sealer other modules' tests rely on: it must open what it sealed, and only for the same type. */
class PassThroughSealerTest {

  private static final SealingContext TOKEN = new SealingContext("pyvider_timed_token");
  private final PassThroughSealer sealer = new PassThroughSealer();

  private byte[] seal(Map<String, String> fields, SealingContext context) {
    return ((SealResult.Sealed) sealer.seal(PrivateData.of(fields), context)).blob();
  }

  /** Printable ASCII plus a line break and multi-byte characters, so names and values of every padding length. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '€').ofMaxLength(30);
  }

  @Property
  @Label("any fields seal and open again unchanged (names and values whose base64 needs padding included)")
  void round_trip(@ForAll @Size(max = 6) Map<@From("texts") String, @From("texts") String> fields) {
    UnsealResult opened = sealer.unseal(seal(fields, TOKEN), TOKEN);

    assertEquals(new UnsealResult.Opened(PrivateData.of(fields), false), opened);
  }

  @Example
  @Label("the timed token's own fields open again")
  void the_timed_token_fields_round_trip() {
    Map<String, String> fields = Map.of("token", "token-00000000-0000-4000-8000-000000000002",
        "expires_at", "2025-03-04T06:06:07.000000+00:00");

    assertEquals(PrivateData.of(fields),
        assertInstanceOf(UnsealResult.Opened.class, sealer.unseal(seal(fields, TOKEN), TOKEN)).data());
  }

  @Example
  @Label("a blob sealed for another resource type fails authentication")
  void bound_to_the_resource_type() {
    byte[] blob = seal(Map.of("k", "v"), new SealingContext("pyvider_other"));

    assertEquals(UnsealFailure.AUTHENTICATION_FAILED,
        assertInstanceOf(UnsealResult.Failed.class, sealer.unseal(blob, TOKEN)).reason());
  }

  @Example
  @Label("a garbled blob fails authentication and a foreign one has an unknown version")
  void garbled_and_foreign_blobs_do_not_open() {
    byte[] garbled = (new String(seal(Map.of("k", "v"), TOKEN), StandardCharsets.UTF_8) + "\n%=%")
        .getBytes(StandardCharsets.UTF_8);

    assertEquals(UnsealFailure.AUTHENTICATION_FAILED,
        assertInstanceOf(UnsealResult.Failed.class, sealer.unseal(garbled, TOKEN)).reason());
    assertEquals(UnsealFailure.UNKNOWN_VERSION,
        assertInstanceOf(UnsealResult.Failed.class, sealer.unseal(new byte[] {1, 2, 3}, TOKEN)).reason());
  }

  @Example
  @Label("empty data seals to an empty blob, which opens to empty data")
  void empty_is_empty() {
    assertEquals(0, seal(Map.of(), TOKEN).length);
    assertEquals(new UnsealResult.Opened(PrivateData.EMPTY, false), sealer.unseal(new byte[0], TOKEN));
  }
}
