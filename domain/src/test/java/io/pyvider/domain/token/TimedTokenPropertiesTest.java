package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the token model: the rotation decision over time, and the text forms round-tripping. */
class TimedTokenPropertiesTest {

  private static final Instant ISSUED = Instant.parse("2025-06-01T12:00:00Z");
  private static final List<RotationDecision> ORDER =
      List.of(RotationDecision.VALID, RotationDecision.DUE_IN_WINDOW, RotationDecision.EXPIRED);

  /** A lifetime, a window shorter than it, and instants (millisecond offsets from issue) in random order. */
  record Timeline(long lifetimeSeconds, long windowSeconds, List<Long> offsetsMillis) {
  }

  @Provide
  Arbitrary<Timeline> timelines() {
    return Arbitraries.longs().between(1, 36_500L * 86_400).flatMap(lifetime -> Combinators.combine(
        Arbitraries.longs().between(0, lifetime - 1),
        Arbitraries.longs().between(-lifetime * 1000, 2 * lifetime * 1000).list().ofMinSize(2).ofMaxSize(30))
        .as((window, offsets) -> new Timeline(lifetime, window, offsets)));
  }

  @Property
  @Label("the rotation decision is monotonic in time: VALID, then DUE_IN_WINDOW, then EXPIRED, never back")
  void the_rotation_decision_never_goes_back(@ForAll("timelines") Timeline timeline) {
    TimedToken token = TimedToken.issue(TokenId.of(UUID.randomUUID()), "p", TokenSecret.of(UUID.randomUUID()),
        ISSUED, Duration.ofSeconds(timeline.lifetimeSeconds()));
    Optional<Duration> window = Optional.of(Duration.ofSeconds(timeline.windowSeconds()));
    List<Long> offsets = new ArrayList<>(timeline.offsetsMillis());
    offsets.sort(null);

    int previous = -1;
    for (long offset : offsets) {
      RotationDecision decision = token.rotationAt(ISSUED.plusMillis(offset), window);
      int rank = ORDER.indexOf(decision);
      assertTrue(rank >= previous, "went from " + ORDER.get(Math.max(previous, 0)) + " back to " + decision
          + " at offset " + offset + "ms in " + timeline);
      previous = rank;
    }
  }

  @Property
  @Label("a token issued with a window shorter than its lifetime is VALID when issued and EXPIRED at expiry")
  void a_fresh_token_is_valid_and_an_old_one_expired(@ForAll("timelines") Timeline timeline) {
    Duration lifetime = Duration.ofSeconds(timeline.lifetimeSeconds());
    Optional<Duration> window = Optional.of(Duration.ofSeconds(timeline.windowSeconds()));

    assertEquals(RotationDecision.VALID, TimedToken.decide(ISSUED.plus(lifetime), ISSUED, window));
    assertEquals(RotationDecision.EXPIRED, TimedToken.decide(ISSUED.plus(lifetime), ISSUED.plus(lifetime), window));
  }

  @Property
  @Label("any instant is written in the six-digit UTC form and reads back truncated to microseconds")
  void expiry_text_round_trips(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Instant instant = Instant.ofEpochSecond(epochSecond, nanos);

    String text = ExpiryTimestamp.format(instant);

    assertTrue(text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00"), text);
    assertEquals(instant.truncatedTo(ChronoUnit.MICROS), ExpiryTimestamp.parse(text));
  }

  @Property
  @Label("any combination of days, hours, minutes and seconds within 100 years parses to their sum")
  void durations_add_up(@ForAll @IntRange(max = 9_999) int days, @ForAll @IntRange(max = 99_999) int hours,
      @ForAll @IntRange(max = 99_999) int minutes, @ForAll @IntRange(max = 99_999) int seconds) {
    String text = days + "d" + hours + "h" + minutes + "m" + seconds + "s";

    TokenDuration parsed = TokenDuration.parse(text);

    assertEquals(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds), parsed.duration());
    assertEquals(text, parsed.text());
  }
}
