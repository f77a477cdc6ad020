package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A user who signed up through {@code referrerId}'s code verified their email. */
@EventType("identity.referral-converted.v1")
public record ReferralConverted(UUID referrerId, UUID referredUserId, String code, Instant convertedAt) {}
