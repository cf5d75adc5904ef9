package io.pyvider.adapters.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.adapters.cli.tokens.TokenAudit;
import io.pyvider.application.fuzz.HostileInput;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state-file reader behind {@code tokens audit} and {@code state unseal}, on any bytes: it reads a list of
 * instances or throws a {@link StateFileException} that says why, within bounded memory, whether it keeps
 * only the timed tokens (as the audit does) or everything; what it keeps, the audit judges without throwing. The
 * corpus (StateFileFuzzTestInputs/) holds state files as Terraform writes them, and what broke the reader before.
 */
class StateFileFuzzTest {

  private static final Instant NOW = Instant.parse("2026-01-15T14:00:00Z");
  private static final Selection EVERYTHING = new Selection(resource -> true, resource -> true);

  @FuzzTest
  void read(byte[] state) throws Exception {
    Optional<StateFile> tokens = read(state, Selection.managed(TokenAudit.TYPE));
    Optional<StateFile> everything = read(state, EVERYTHING);
    assertEquals(tokens.isPresent(), everything.isPresent(), "the selection changed whether the state reads");
    if (tokens.isEmpty()) {
      return;
    }
    List<ResourceInstance> all = everything.get().instances();
    assertEquals(all.stream().filter(i -> i.managed() && i.type().equals(TokenAudit.TYPE)).count(),
        tokens.get().instances().size());
    for (ResourceInstance instance : all) {
      assertNotNull(instance.address());
      assertTrue(instance.address().startsWith(instance.resourceAddress()), instance.address());
    }
    List<TokenAudit.Finding> findings = TokenAudit.audit(tokens.get().instances(), NOW, Duration.ofMinutes(15));
    assertEquals(tokens.get().instances().size(), findings.size());
    TokenAudit.exitCode(findings);
  }

  /** The state as read, or empty when refused. */
  private static Optional<StateFile> read(byte[] state, Selection selection) throws Exception {
    return HostileInput.decode(state.length, () -> {
      try {
        return Optional.of(StateFile.parse("fuzzed.tfstate", new ByteArrayInputStream(state), selection));
      } catch (StateFileException refused) {
        assertFalse(refused.getMessage().isBlank());
        return Optional.empty();
      }
    });
  }
}
