package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The codecs stay free of gRPC and generated protobuf classes (ArchUnit checks the same from outside). */
class WirePackageIsolationTest {

  @Test
  void noGrpcOrProtoImports() throws IOException {
    Path dir = Path.of("src/main/java/io/pyvider/adapters/grpc/wire");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> offenders = files
          .flatMap(f -> {
            try {
              return Files.readAllLines(f).stream().filter(l -> l.startsWith("import ")
                  && (l.contains("io.grpc") || l.contains("com.google.protobuf")
                  || l.contains("io.pyvider.adapters.grpc.proto"))).map(l -> f.getFileName() + ": " + l);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .toList();
      assertEquals(List.of(), offenders);
    }
  }
}
