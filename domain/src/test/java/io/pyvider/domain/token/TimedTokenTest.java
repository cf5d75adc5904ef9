package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenTest {

  private static final Instant ISSUED = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant EXPIRY = Instant.parse("2025-06-01T13:00:00Z");
  private static final TokenId ID = TokenId.of(UUID.fromString("00000000-0000-4000-8000-000000000001"));
  private static final TokenSecret SECRET = TokenSecret.of(UUID.fromString("00000000-0000-4000-8000-000000000002"));
  private static final Optional<Duration> TEN_MINUTES = Optional.of(Duration.ofMinutes(10));

  private static TimedToken oneHourToken() {
    return TimedToken.issue(ID, "ci", SECRET, ISSUED, Duration.ofHours(1));
  }

  @Test
  void an_issued_token_expires_its_lifetime_after_issue() {
    TimedToken token = oneHourToken();

    assertEquals(EXPIRY, token.expiresAt());
    assertEquals(ID, token.id());
    assertEquals("ci", token.name());
    assertEquals(SECRET, token.secret());
    assertEquals("2025-06-01T13:00:00.000000+00:00", token.expiresAtText());
  }

  @Test
  void a_token_needs_a_positive_lifetime() {
    assertThrows(IllegalArgumentException.class, () -> TimedToken.issue(ID, "ci", SECRET, ISSUED, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> TimedToken.issue(ID, "ci", SECRET, ISSUED, Duration.ofSeconds(-1)));
  }

  @Test
  void every_part_of_a_token_is_required() {
    assertThrows(NullPointerException.class, () -> new TimedToken(null, "ci", SECRET, EXPIRY));
    assertThrows(NullPointerException.class, () -> new TimedToken(ID, null, SECRET, EXPIRY));
    assertThrows(NullPointerException.class, () -> new TimedToken(ID, "ci", null, EXPIRY));
    assertThrows(NullPointerException.class, () -> new TimedToken(ID, "ci", SECRET, null));
  }

  @Test
  void a_token_is_not_expired_the_instant_before_its_expiry() {
    assertFalse(oneHourToken().isExpiredAt(EXPIRY.minusNanos(1)));
  }

  @Test
  void a_token_is_expired_once_its_expiry_has_passed() {
    assertTrue(oneHourToken().isExpiredAt(EXPIRY));
    assertTrue(oneHourToken().isExpiredAt(EXPIRY.plusSeconds(1)));
  }

  @Test
  void the_remaining_time_counts_down_to_zero_and_stays_there() {
    TimedToken token = oneHourToken();

    assertEquals(Duration.ofHours(1), token.remainingAt(ISSUED));
    assertEquals(Duration.ofMinutes(15), token.remainingAt(EXPIRY.minus(Duration.ofMinutes(15))));
    assertEquals(Duration.ZERO, token.remainingAt(EXPIRY));
    assertEquals(Duration.ZERO, token.remainingAt(EXPIRY.plus(Duration.ofDays(3))));
  }

  @Test
  void renaming_keeps_id_secret_and_expiry() {
    TimedToken renamed = oneHourToken().renamed("deploy");

    assertEquals("deploy", renamed.name());
    assertEquals(ID, renamed.id());
    assertEquals(SECRET, renamed.secret());
    assertEquals(EXPIRY, renamed.expiresAt());
  }

  @Test
  void to_string_never_contains_the_secret() {
    String printed = oneHourToken().toString();

    assertFalse(printed.contains(SECRET.reveal()), printed);
    assertFalse(printed.contains("000000000002"), printed);
    assertTrue(printed.contains(ID.value()), printed);
    assertTrue(printed.contains("2025-06-01T13:00:00.000000+00:00"), printed);
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class with_a_rotation_window {

    @Test
    void a_token_is_valid_before_the_window_opens() {
      assertEquals(RotationDecision.VALID, oneHourToken().rotationAt(ISSUED, TEN_MINUTES));
      assertEquals(RotationDecision.VALID,
          oneHourToken().rotationAt(EXPIRY.minus(Duration.ofMinutes(10)).minusNanos(1), TEN_MINUTES));
    }

    @Test
    void a_token_is_due_exactly_when_the_window_opens() {
      assertEquals(RotationDecision.DUE_IN_WINDOW,
          oneHourToken().rotationAt(EXPIRY.minus(Duration.ofMinutes(10)), TEN_MINUTES));
    }

    @Test
    void a_token_is_due_inside_the_window_up_to_the_instant_before_expiry() {
      assertEquals(RotationDecision.DUE_IN_WINDOW, oneHourToken().rotationAt(EXPIRY.minusNanos(1), TEN_MINUTES));
    }

    @Test
    void a_token_is_expired_exactly_at_its_expiry() {
      assertEquals(RotationDecision.EXPIRED, oneHourToken().rotationAt(EXPIRY, TEN_MINUTES));
      assertEquals(RotationDecision.EXPIRED, oneHourToken().rotationAt(EXPIRY.plusSeconds(3600), TEN_MINUTES));
    }

    @Test
    void a_window_as_long_as_the_lifetime_makes_a_fresh_token_due_at_once() {
      assertEquals(RotationDecision.DUE_IN_WINDOW,
          oneHourToken().rotationAt(ISSUED, Optional.of(Duration.ofHours(1))));
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class without_a_rotation_window {

    @Test
    void a_token_is_valid_until_the_instant_before_expiry() {
      assertEquals(RotationDecision.VALID, oneHourToken().rotationAt(EXPIRY.minusNanos(1), Optional.empty()));
    }

    @Test
    void a_token_is_expired_exactly_at_its_expiry() {
      assertEquals(RotationDecision.EXPIRED, oneHourToken().rotationAt(EXPIRY, Optional.empty()));
    }

    @Test
    void a_zero_window_behaves_like_no_window() {
      assertEquals(RotationDecision.VALID, oneHourToken().rotationAt(EXPIRY.minusNanos(1), Optional.of(Duration.ZERO)));
      assertEquals(RotationDecision.EXPIRED, oneHourToken().rotationAt(EXPIRY, Optional.of(Duration.ZERO)));
    }
  }

  @Test
  void the_static_decision_agrees_with_the_token_decision() {
    for (Instant now : new Instant[] {ISSUED, EXPIRY.minus(Duration.ofMinutes(10)), EXPIRY, EXPIRY.plusSeconds(1)}) {
      assertEquals(oneHourToken().rotationAt(now, TEN_MINUTES), TimedToken.decide(EXPIRY, now, TEN_MINUTES));
    }
  }

  @Test
  void only_a_valid_token_is_not_due() {
    assertFalse(RotationDecision.VALID.isDue());
    assertTrue(RotationDecision.DUE_IN_WINDOW.isDue());
    assertTrue(RotationDecision.EXPIRED.isDue());
  }
}
