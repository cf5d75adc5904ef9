package io.pyvider.adapters.crypto;

/** No key could be had for sealing; the message is a sentence for the user and never holds secret material. */
final class KeyUnavailableException extends Exception {

  KeyUnavailableException(String message) {
    super(message, null, false, false);
  }
}
