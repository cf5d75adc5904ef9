package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionOutputTest {

  @Test
  void every_stderr_line_becomes_one_tagged_record_and_the_exit_status_comes_last() {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    SessionOutput output = new SessionOutput(socket);
    output.handshake("1|6|tcp|127.0.0.1:1234|grpc|CERT");
    PrintStream stderr = output.stderr();
    stderr.print("This binary is a plugin.\r\nPlease execute\n");
    stderr.println("{\"@level\":\"info\"}");
    stderr.print("unterminated");
    stderr.close();
    output.exit(3);
    assertEquals("H 1|6|tcp|127.0.0.1:1234|grpc|CERT\nE This binary is a plugin.\nE Please execute\n"
        + "E {\"@level\":\"info\"}\nE unterminated\nX 3\n", socket.toString(StandardCharsets.UTF_8));
  }

  @Test
  void a_record_cannot_forge_another_and_a_launcher_gone_stops_the_writes() {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    new SessionOutput(socket).refuse("busy\nX 0");
    assertEquals("R busy X 0\n", socket.toString(StandardCharsets.UTF_8));
    int[] writes = new int[1];
    SessionOutput gone = new SessionOutput(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        writes[0]++;
        throw new IOException("broken pipe");
      }
    });
    gone.exit(0);
    gone.exit(1);
    assertEquals(1, writes[0], "after the first failure nothing more is written");
  }
}
