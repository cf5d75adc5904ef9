# Security Features: Sensitive Data Protection
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - the output is marked sensitive, which Terraform requires for a value derived from the token.
# The change is marked "seed:" where it is made.

resource "pyvider_timed_token" "secure_token" {
  name = "production-api-key"
}

# ✅ Safe - token is marked as sensitive
output "token_available" {
  value = pyvider_timed_token.secure_token.token != null
  # seed: added. `token != null` is derived from the sensitive token, so Terraform refuses the output without it
  # ("Output refers to sensitive values"). To show the flag in plain text use
  # nonsensitive(pyvider_timed_token.secure_token.token != null) instead.
  sensitive = true
}

# ❌ Unsafe - would expose sensitive token
# output "actual_token" {
#   value = pyvider_timed_token.secure_token.token
# }
