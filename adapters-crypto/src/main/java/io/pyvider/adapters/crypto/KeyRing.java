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
 * shared secret is set). Nothing is read or created at construction: start-up time matters. The key file is looked
 * at once per ring, whatever it held (a key, nothing, a problem): a ring lives one Terraform run, one provider
 * process or daemon session, and Terraform seals and opens at a parallelism of 10, so a change to the file takes
 * effect at the next run instead of costing every seal a look at the disk.
 */
public final class KeyRing {

  static final String SHARED_SECRET = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  static final String PREVIOUS_SECRETS = "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS";
  private static final int NEW_SECRET_BYTES = 32;
  private static final String KEYGEN = "`terraform-provider-pyvider keygen` prints a new secret";

  private final Environment environment;
  private final SecureRandom random;
  private final Path workingDirectory;
  private final KeyFileAccess access;
  private Configured configured; // guarded by this; parsed on first use
  private KeyFile.Loaded keyFile; // guarded by this; null until looked at, then kept for the ring's life
  private RingKey fileKey; // guarded by this; the key of keyFile when it was found
  private final List<String> notices = new ArrayList<>(); // guarded by this; each handed out once

  KeyRing(Environment environment, SecureRandom random) {
    this(environment, Path.of("").toAbsolutePath(), random);
  }

  /** A relative key-file path resolves against {@code workingDirectory}: the Terraform run's, not the process's. */
  KeyRing(Environment environment, Path workingDirectory, SecureRandom random) {
    this(environment, workingDirectory, random, KeyFileAccess.local());
  }

  KeyRing(Environment environment, Path workingDirectory, SecureRandom random, KeyFileAccess access) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.random = Objects.requireNonNull(random, "random");
    this.access = Objects.requireNonNull(access, "access");
  }

  /** 32 random bytes, base64url without padding: the format of the key file and of a generated shared secret. */
  static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[NEW_SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * What the composition root logs at WARN, each once: where a key file this ring created lives (and how to share a
   * secret with a team or CI), and what is wrong with a key file that is exposed, weak or unusable. Never a key.
   * Empty until the ring has looked at the key file, and after everything was handed out.
   */
  public synchronized Optional<String> takeKeyNotices() {
    Optional<String> notice = notices.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notices));
    notices.clear();
    return notice;
  }

  /**
   * The key configuration as {@code doctor} shows it: which secrets are configured and what the key file holds,
   * looking at the file without ever creating it. A sentence, never a key.
   */
  public synchronized KeyCheck check() {
    Configured c = configured();
    String previous = c.previous.isEmpty() ? ""
        : ", " + c.previous.size() + " previous secret(s) accepted for reading";
    Optional<KeyFile.Loaded> file = loadedKeyFile();
    if (c.shared.isPresent()) {
      String shared = "shared secret from " + SHARED_SECRET + previous;
      // Every finding at once: a weak secret must not hide a key file that no longer opens old state.
      List<String> findings = new ArrayList<>();
      sharedSecretWeakness(c).ifPresent(findings::add);
      if (file.orElse(null) instanceof KeyFile.Refused refused) {
        findings.add(refused.problem() + ", so state sealed with it does not open");
      }
      if (file.orElse(null) instanceof KeyFile.Found found && !problems(found).isEmpty()) {
        findings.add("the key file, still read for state sealed with it: " + String.join("; ", problems(found)));
      }
      return findings.isEmpty() ? KeyCheck.ok(shared) : KeyCheck.warning(shared + "; " + String.join("; ", findings));
    }
    if (file.isEmpty()) {
      return KeyCheck.unusable(noKeyFileLocation());
    }
    Path path = c.keyFile.orElseThrow().path();
    String perUser = " (fine for one person; set " + SHARED_SECRET + " for a team or CI)" + previous;
    if (file.get() instanceof KeyFile.Refused refused) {
      return KeyCheck.unusable(refused.problem() + "; " + refusedAdvice());
    }
    if (file.get() instanceof KeyFile.Found found) {
      if (found.tooWeakToSeal().isPresent()) {
        return KeyCheck.unusable(String.join("; ", problems(found)) + "; " + weakAdvice());
      }
      if (!found.warnings().isEmpty()) {
        return KeyCheck.warning("the per-user key file is used, but " + String.join("; ", found.warnings()));
      }
      return KeyCheck.ok("no shared secret set: the per-user key file " + path + " is used" + perUser);
    }
    return KeyCheck.ok("no shared secret set: a per-user key file will be created at " + path + " on first use"
        + perUser);
  }

  /** The key new blobs are sealed with, creating the key file when no shared secret is set. */
  synchronized RingKey current() throws KeyUnavailableException {
    Configured c = configured();
    if (c.shared.isPresent()) {
      return c.shared.get();
    }
    if (c.keyFile.isEmpty()) {
      throw new KeyUnavailableException(noKeyFileLocation());
    }
    KeyFile.Loaded loaded = keyFileCreatedIfAbsent(c.keyFile.get());
    if (loaded instanceof KeyFile.Found found) {
      if (found.tooWeakToSeal().isPresent()) {
        throw new KeyUnavailableException("no usable private-state key: " + SHARED_SECRET + " is not set and "
            + found.tooWeakToSeal().get() + "; state sealed with it still opens. " + weakAdvice());
      }
      return fileKey;
    }
    throw new KeyUnavailableException("no usable private-state key: " + SHARED_SECRET + " is not set and "
        + ((KeyFile.Refused) loaded).problem() + "; " + refusedAdvice());
  }

  /**
   * The current key if it exists already (never creates the key file): used to tell whether a blob is stale. A key
   * file too weak to seal with still counts as current, so its blobs are kept as they are instead of being re-sealed,
   * which could only fail.
   */
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
    return keyFile instanceof KeyFile.Refused refused ? listed + "; " + refused.problem() : listed;
  }

  /** Why no key at all is available, and what to set. */
  synchronized String noKeyAdvice() {
    Configured c = configured();
    String where = keyFile instanceof KeyFile.Refused refused ? refused.problem()
        : c.keyFile.map(f -> "the key file " + f.path() + " does not exist")
            .orElse("no key file location is known (HOME is not set)");
    return "no private-state key is available to open the sealed private state: " + SHARED_SECRET + " is not set "
        + "and " + where + "; set " + SHARED_SECRET + " to the secret the state was sealed with";
  }

  private Optional<RingKey> existingFileKey() {
    loadedKeyFile();
    return Optional.ofNullable(fileKey);
  }

  /** The key file as first looked at (never created); empty when no location is known. */
  private Optional<KeyFile.Loaded> loadedKeyFile() {
    Optional<KeyFile> file = configured().keyFile;
    if (file.isPresent() && keyFile == null) {
      settle(file.get(), false);
    }
    return file.map(f -> keyFile);
  }

  /** The key file, created when it was absent: at most one look and one creation per ring. */
  private KeyFile.Loaded keyFileCreatedIfAbsent(KeyFile file) {
    if (keyFile == null || keyFile == KeyFile.Loaded.ABSENT) {
      settle(file, true);
    }
    return keyFile;
  }

  private void settle(KeyFile file, boolean create) {
    KeyFile.Loaded loaded;
    try {
      if (!create) {
        loaded = file.read();
      } else {
        // Already seen absent: create straight away, the link(2) in create() still refuses to replace a newcomer.
        loaded = keyFile == null ? file.readOrCreate(newSecret(random)) : file.create(newSecret(random));
      }
    } catch (IOException | RuntimeException e) {
      loaded = new KeyFile.Refused("the key file " + file.path() + " could not be "
          + (create ? "read or created" : "read") + " (" + describe(e) + ")");
    }
    keyFile = loaded;
    if (loaded instanceof KeyFile.Found found) {
      fileKey = new RingKey(found.secret(), "key file " + file.path());
      if (found.created()) {
        notices.add(firstRunNotice(file));
      }
      List<String> problems = problems(found);
      if (!problems.isEmpty()) {
        notices.add("The private-state key file is used, but " + String.join("; ", problems) + ". State sealed "
            + "with it stays readable; fix the file, or set " + SHARED_SECRET + " (" + KEYGEN + ").");
      }
    } else if (loaded instanceof KeyFile.Refused refused && !create) {
      // A refusal while sealing reaches the user as the seal's error; one met while reading is only logged here.
      notices.add("The private-state key file is not used: " + refused.problem() + ".");
    }
  }

  private static List<String> problems(KeyFile.Found found) {
    List<String> problems = new ArrayList<>();
    found.tooWeakToSeal().ifPresent(problems::add);
    problems.addAll(found.warnings());
    return problems;
  }

  private static String noKeyFileLocation() {
    return "no private-state key is available: " + SHARED_SECRET + " is not set, and neither "
        + KeyFile.KEY_FILE_VARIABLE + ", XDG_CONFIG_HOME nor HOME gives a place for a key file; set " + SHARED_SECRET
        + " (" + KEYGEN + ")";
  }

  private static String refusedAdvice() {
    return "set " + SHARED_SECRET + " (" + KEYGEN + "), or point " + KeyFile.KEY_FILE_VARIABLE + " to a regular file "
        + "of yours, mode 0600, holding one key, or to a writable place where the provider creates one";
  }

  private static String weakAdvice() {
    return "Move the file aside (the provider then creates a strong key) and list its old key in " + PREVIOUS_SECRETS
        + ", or set " + SHARED_SECRET + " (" + KEYGEN + "; the file then stays a key for reading)";
  }

  private Configured configured() {
    if (configured == null) {
      configured = new Configured(environment, workingDirectory, access);
      sharedSecretWeakness(configured).ifPresent(weak -> notices.add("The private-state shared secret is used, but "
          + weak + "."));
    }
    return configured;
  }

  /**
   * Why the shared secret is weak, if it is. It is still used (refusing it would strand every state sealed with it);
   * the log and {@code doctor} say so instead.
   */
  private static Optional<String> sharedSecretWeakness(Configured c) {
    return c.sharedLength.filter(length -> length < KeyFile.RECOMMENDED_LENGTH)
        .map(length -> SHARED_SECRET + " is only " + length + " characters long, which a guess can reach ("
            + KeyFile.RECOMMENDED_LENGTH + " or more recommended; " + KEYGEN + " of " + KeyFile.GENERATED_LENGTH
            + " characters)");
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
    final Optional<Integer> sharedLength; // in characters: how strong it can be, never what it is
    final List<RingKey> previous = new ArrayList<>();
    final Optional<KeyFile> keyFile;

    Configured(Environment environment, Path workingDirectory, KeyFileAccess access) {
      // The current secret is used exactly as given (not trimmed), as pyvider's Python provider did, so its blobs open.
      Optional<String> sharedSecret = environment.get(SHARED_SECRET).filter(s -> !s.isEmpty());
      shared = sharedSecret.map(s -> new RingKey(s, SHARED_SECRET));
      sharedLength = sharedSecret.map(s -> s.codePointCount(0, s.length()));
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
      keyFile = KeyFile.locate(environment, workingDirectory, access);
    }
  }
}
