package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

  @Test
  void file_system_failures_name_the_file_and_what_is_wrong_with_it() {
    assertEquals("/x/y does not exist", PlainWords.of(new NoSuchFileException("/x/y")));
    assertEquals("/x: permission denied", PlainWords.of(new AccessDeniedException("/x")));
    assertEquals("/x already exists", PlainWords.of(new FileAlreadyExistsException("/x")));
    assertEquals("/x: read-only file system", PlainWords.of(new FileSystemException("/x", null, "Read-only file "
        + "system")));
  }

  @Test
  void text_that_is_not_utf8_says_so() {
    assertEquals("it is not UTF-8 text", PlainWords.of(new MalformedInputException(1)));
  }

  @Test
  void wrapped_causes_lose_the_class_names_java_puts_before_them() {
    assertEquals("disk on fire", PlainWords.of(new IllegalStateException(
        new UncheckedIOException(new IOException("disk on fire")))));
    assertEquals("Connection refused", PlainWords.of(new IOException(new ConnectException(
        "Connection refused"))));
  }

  @Test
  void a_failure_without_any_message_says_that() {
    assertEquals("it failed without saying why", PlainWords.of(new NullPointerException()));
  }
}
