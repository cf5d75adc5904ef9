package io.pyvider.adapters.crypto;

import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The private-state keys of one Terraform run: the current secret ({@code PYVIDER_PRIVATE_STATE_SHARED_SECRET}, else
 * the per-user key file, created on first need) and the previous ones ({@code PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS},
 * comma-separated, surrounding whitespace ignored, so a secret cannot itself contain a comma; plus the key file while a
 * shared secret is set). Nothing is read or created at construction: start-up time matters.
 */
public final class KeyRing {

  static final String SHARED_SECRET = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  static final String PREVIOUS_SECRETS = "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS";
  private static final int NEW_SECRET_BYTES = 32;

  private final Environment environment;
  private final SecureRandom random;
  private final Path workingDirectory;
  private Configured configured; // guarded by this; parsed on first use
  private RingKey fileKey; // guarded by this; cached once read or created
  private String keyFileProblem; // guarded by this; why the key file could not be read, for messages
  private String firstRunNotice; // guarded by this; handed out once

  KeyRing(Environment environment, SecureRandom random) {
    this(environment, Path.of("").toAbsolutePath(), random);
  }

  /** A relative key-file path resolves against {@code workingDirectory}: the Terraform run's, not the process's. */
  KeyRing(Environment environment, Path workingDirectory, SecureRandom random) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** 32 random bytes, base64url without padding: the format of the key file and of a generated shared secret. */
  static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[NEW_SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Once, after this ring created the key file: where the key lives and how to share a secret with a team or CI.
   * The composition root logs it; later calls return empty.
   */
  public synchronized Optional<String> takeFirstRunNotice() {
    Optional<String> notice = Optional.ofNullable(firstRunNotice);
    firstRunNotice = null;
    return notice;
  }

  /** The key new blobs are sealed with, creating the key file when no shared secret is set. */
  synchronized RingKey current() throws KeyUnavailableException {
    Configured c = configured();
    if (c.shared.isPresent()) {
      return c.shared.get();
    }
    if (fileKey != null) {
      return fileKey;
    }
    if (c.keyFile.isEmpty()) {
      throw new KeyUnavailableException("no private-state key is available: " + SHARED_SECRET
          + " is not set, and neither " + KeyFile.KEY_FILE_VARIABLE + ", XDG_CONFIG_HOME nor HOME gives a place for "
          + "a key file; set " + SHARED_SECRET + " (terraform-provider-pyvider keygen prints a new secret)");
    }
    KeyFile file = c.keyFile.get();
    try {
      KeyFile.Contents contents = file.readOrCreate(newSecret(random));
      fileKey = new RingKey(contents.secret(), "key file " + file.path());
      if (contents.created()) {
        firstRunNotice = firstRunNotice(file);
      }
      return fileKey;
    } catch (IOException | RuntimeException e) {
      throw new KeyUnavailableException("no private-state key is available: " + SHARED_SECRET + " is not set and "
          + "the key file " + file.path() + " could not be read or created (" + describe(e) + "); set " + SHARED_SECRET
          + " (terraform-provider-pyvider keygen prints a new secret) or point " + KeyFile.KEY_FILE_VARIABLE
          + " to a writable place");
    }
  }

  /** The current key if it exists already (never creates the key file): used to tell whether a blob is stale. */
  synchronized Optional<RingKey> currentIfPresent() {
    Configured c = configured();
    return c.shared.isPresent() ? c.shared : existingFileKey();
  }

  /** The key with this id, if the ring has it. */
  synchronized Optional<RingKey> find(long keyId) {
    return all().stream().filter(k -> k.id() == keyId).findFirst();
  }

  /** Every key, current first; the key file is read (never created) when it exists. */
  synchronized List<RingKey> all() {
    Configured c = configured();
    List<RingKey> keys = new ArrayList<>();
    c.shared.ifPresent(keys::add);
    keys.addAll(c.previous);
    existingFileKey().filter(k -> keys.stream().noneMatch(known -> known.id() == k.id())).ifPresent(keys::add);
    return keys;
  }

  /** A sentence listing the ring's key ids and where each came from (no secrets), for failure details. */
  synchronized String describeKeys() {
    List<RingKey> keys = all();
    String listed = keys.isEmpty() ? "it holds no key"
        : "it holds " + keys.stream().map(k -> k.idHex() + " (" + k.source() + ")").collect(Collectors.joining(", "));
    return keyFileProblem == null ? listed : listed + "; " + keyFileProblem;
  }

  /** Why no key at all is available, and what to set. */
  synchronized String noKeyAdvice() {
    Configured c = configured();
    String where = c.keyFile.map(f -> "the key file " + f.path() + " does not exist")
        .orElse("no key file location is known (HOME is not set)");
    return "no private-state key is available to open the sealed private state: " + SHARED_SECRET + " is not set "
        + "and " + (keyFileProblem == null ? where : keyFileProblem) + "; set " + SHARED_SECRET
        + " to the secret the state was sealed with";
  }

  private Optional<RingKey> existingFileKey() {
    Configured c = configured();
    if (fileKey != null || c.keyFile.isEmpty()) {
      return Optional.ofNullable(fileKey);
    }
    KeyFile file = c.keyFile.get();
    try {
      Optional<String> secret = file.readIfPresent();
      keyFileProblem = null;
      secret.ifPresent(s -> fileKey = new RingKey(s, "key file " + file.path()));
    } catch (IOException | RuntimeException e) {
      keyFileProblem = "the key file " + file.path() + " could not be read (" + describe(e) + ")";
    }
    return Optional.ofNullable(fileKey);
  }

  private Configured configured() {
    if (configured == null) {
      configured = new Configured(environment, workingDirectory);
    }
    return configured;
  }

  private static String describe(Exception e) {
    // File-system exceptions carry paths and reasons, never file contents.
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String firstRunNotice(KeyFile file) {
    return "Created a private-state key at " + file.path() + " (readable only by you). Private resource state is "
        + "sealed with it, so Terraform runs on other machines or by other users cannot open that state. For a team "
        + "or CI, set " + SHARED_SECRET + " to one shared secret everywhere Terraform runs ("
        + "`terraform-provider-pyvider keygen` prints a new one); state sealed with this key still opens while the "
        + "file stays, and is re-sealed with the shared secret whenever the provider next writes it.";
  }

  @Override
  public String toString() {
    // No key ids here: listing them may read the key file, and toString must stay free of side effects.
    return "KeyRing[secrets redacted]";
  }

  /** What the environment configures; parsed lazily so constructing a ring costs nothing. */
  private static final class Configured {
    final Optional<RingKey> shared;
    final List<RingKey> previous = new ArrayList<>();
    final Optional<KeyFile> keyFile;

    Configured(Environment environment, Path workingDirectory) {
      // The current secret is used exactly as given (not trimmed), as pyvider's Python provider did, so its blobs open.
      shared = environment.get(SHARED_SECRET).filter(s -> !s.isEmpty()).map(s -> new RingKey(s, SHARED_SECRET));
      String[] entries = environment.get(PREVIOUS_SECRETS).orElse("").split(",");
      for (int i = 0; i < entries.length; i++) {
        String secret = entries[i].strip();
        if (secret.isEmpty()) {
          continue;
        }
        RingKey key = new RingKey(secret, PREVIOUS_SECRETS + " entry " + (i + 1));
        boolean known = shared.filter(s -> s.id() == key.id()).isPresent()
            || previous.stream().anyMatch(p -> p.id() == key.id());
        if (!known) {
          previous.add(key);
        }
      }
      keyFile = KeyFile.locate(environment, workingDirectory);
    }
  }
}
