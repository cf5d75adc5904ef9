package io.pyvider.adapters.grpc.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** The one Jackson factory the JSON codecs share. */
final class Json {
  /** JSON nesting allowed: values nest at most {@link MsgpackValueCodec#MAX_DEPTH}, plus dynamic wrappers. */
  static final int MAX_NESTING = 2 * MsgpackValueCodec.MAX_DEPTH;

  /**
   * Jackson's default 1000-character number limit would reject numbers cty can hold (1e1000 written plainly); the
   * range check in {@link Numbers} bounds them instead. Nesting is capped so recursion fits a default thread stack.
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNumberLength(Numbers.MAX_DIGITS)
          .maxNestingDepth(MAX_NESTING)
          .build())
      .build();

  private Json() {
  }
}
