# "2026-01-15T15:30:00.000000+00:00": the provider's own timestamp format, the one expires_at has.
output "expires_at" {
  value = provider::pyvider::expiry("2026-01-15T14:00:00Z", "1h30m")
}

# When a token issued by this plan would expire. plantimestamp() is the same at plan and apply, so the value does
# not change between them; timestamp() would.
output "next_token_expires_at" {
  value = provider::pyvider::expiry(plantimestamp(), "12h")
}
