package io.pyvider.adapters.crypto;

/** Private-state plaintext is not a flat map of text fields; the message describes the shape, never the content. */
final class MalformedPlaintextException extends Exception {

  MalformedPlaintextException(String message) {
    super(message, null, false, false);
  }
}
