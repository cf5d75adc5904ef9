package io.pyvider.application.fuzz;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The property every fuzz target asserts of a decoder of outside input: on any input it returns a value or refuses
 * with its documented exception, never another exception or error (those propagate, and Jazzer reports them), and it
 * allocates memory in proportion to the input, never what a length field merely claims.
 */
public final class HostileInput {

  /**
   * Allocation allowed per input byte. Decoding builds a tree of objects (a value, a path to each element, a JSON
   * node), a few hundred bytes per input byte at worst; a length field believed without looking would cost
   * gigabytes for a few bytes.
   */
  public static final long BYTES_PER_INPUT_BYTE = 4096;
  /** Allocation allowed whatever the input: parser buffers, a cipher, a certificate factory. */
  public static final long BASE_BYTES = 32L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private HostileInput() {
  }

  /** A decoder under test. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode() throws Exception;
  }

  /**
   * Runs {@code decoder} on an input of {@code inputBytes} bytes: its value, or empty when it threw {@code refusal}
   * (its documented error); anything else it throws is rethrown, and an allocation beyond the bound is an
   * {@link AssertionError}.
   */
  public static <T> Optional<T> decodeOrRefuse(long inputBytes, Class<? extends Exception> refusal,
      Decoder<T> decoder) throws Exception {
    Decoder<Optional<T>> refusing = () -> {
      try {
        return Optional.of(decoder.decode());
      } catch (Exception e) {
        if (!refusal.isInstance(e)) {
          throw e;
        }
        return Optional.empty();
      }
    };
    return decode(inputBytes, refusing);
  }

  /**
   * Runs a decoder that refuses nothing (it reports problems in its result): its value, within the bound. Decoders
   * are deterministic: when the first run allocates too much, a second run tells a decoder's own allocation from the
   * classes the first one loaded (and the fuzzer instrumented) on the way.
   */
  public static <T> T decode(long inputBytes, Decoder<T> decoder) throws Exception {
    long before = allocatedBytes();
    T result = decoder.decode();
    if (allocatedBytes() - before > bound(inputBytes)) {
      before = allocatedBytes();
      result = decoder.decode();
      long allocated = allocatedBytes() - before;
      if (allocated > bound(inputBytes)) {
        throw new AssertionError("decoding " + inputBytes + " bytes of input allocated " + allocated
            + " bytes, more than the bound of " + bound(inputBytes));
      }
    }
    return result;
  }

  /** The bytes the current thread allocated so far (HotSpot counts them exactly, whatever the collector). */
  public static long allocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  private static long bound(long inputBytes) {
    return BASE_BYTES + BYTES_PER_INPUT_BYTE * inputBytes;
  }
}
