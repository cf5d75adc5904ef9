package io.pyvider.application.fakes;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reversible stand-in for the real sealer: it binds the blob to the resource type and detects changes, but hides
 * nothing. For core tests only; the crypto adapter's tests cover real sealing.
 */
public final class PassThroughSealer implements StateSealer {

  private static final String MAGIC = "fake-sealed:";

  @Override
  public SealResult seal(PrivateData data, SealingContext context) {
    if (data.isEmpty()) {
      return new SealResult.Sealed(new byte[0]);
    }
    StringBuilder text = new StringBuilder(MAGIC).append(context.resourceType());
    data.fields().forEach((key, value) -> text.append('\n').append(encode(key)).append('=').append(encode(value)));
    return new SealResult.Sealed(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public UnsealResult unseal(byte[] blob, SealingContext context) {
    if (blob.length == 0) {
      return new UnsealResult.Opened(PrivateData.EMPTY, false);
    }
    String[] lines = new String(blob, StandardCharsets.UTF_8).split("\n");
    if (!lines[0].startsWith(MAGIC)) {
      return new UnsealResult.Failed(UnsealFailure.UNKNOWN_VERSION, null);
    }
    if (!lines[0].equals(MAGIC + context.resourceType())) {
      return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, null);
    }
    Map<String, String> fields = new TreeMap<>();
    try {
      for (int i = 1; i < lines.length; i++) {
        String[] pair = lines[i].split("=", 2);
        fields.put(decode(pair[0]), decode(pair[1]));
      }
    } catch (RuntimeException garbled) {
      return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, null);
    }
    return new UnsealResult.Opened(PrivateData.of(fields), false);
  }

  private static String encode(String text) {
    // Unpadded, so '=' appears in a line only as the separator between name and value.
    return Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
