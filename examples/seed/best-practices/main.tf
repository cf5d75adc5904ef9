# Best Practices
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - file paths: under var.output_dir instead of /registry.
#   - timestamp() is unknown during every plan and new at every apply, so a file using it would be rewritten on
#     every run and a second plan would never be empty; var.generated_at (variables.tf) stands in for it.
#     The token name in 4. uses it too.
#   - var.environment has a default, so the example runs without -var.
# Each change is marked "seed:" where it is made.

# --- 1. Descriptive Naming ---

# ✅ Good - descriptive names
resource "pyvider_timed_token" "github_actions_deploy" {
  name = "github-actions-deployment-token"
}

resource "pyvider_timed_token" "api_gateway_auth" {
  name = "api-gateway-service-auth"
}

# ❌ Bad - generic names
resource "pyvider_timed_token" "token1" {
  name = "token"
}

# --- 2. Token Scope Documentation ---

resource "pyvider_timed_token" "database_migration" {
  name = "db-migration-readonly-token"

  # Document token purpose in configuration
  lifecycle {
    # This token is used for database migration scripts
    # Scope: Read-only access to production database
    # Duration: 1 hour (automatic expiration)
    # Rotation: Manual, as needed for migrations
    ignore_changes = []
  }
}

# --- 3. Environment Isolation ---

variable "environment" {
  description = "Environment name"
  type        = string
  default     = "dev" # seed: added so the example runs without -var; staging and prod work too
  validation {
    condition = contains(["dev", "staging", "prod"], var.environment)
    error_message = "Environment must be dev, staging, or prod."
  }
}

resource "pyvider_timed_token" "env_isolated" {
  name = "${var.environment}-service-token"
}

# Environment-specific handling
locals {
  is_production = var.environment == "prod"

  # Production tokens require additional monitoring
  monitoring_required = local.is_production
}

# --- 4. Token Rotation Planning ---

# Create tokens with rotation metadata
resource "pyvider_timed_token" "rotatable" {
  # seed: was formatdate("YYYY-MM-DD-hhmm", timestamp()), which renamed the token on every apply. Renaming keeps
  # the token in this provider; change `keepers` (or `lifetime`) to issue a new one.
  name = "service-api-token-${formatdate("YYYY-MM-DD-hhmm", var.generated_at)}"
}

# Track token generations
resource "pyvider_file_content" "token_registry" {
  filename = "${var.output_dir}/registry/token_generations.json" # seed: was "/registry/token_generations.json"
  content = jsonencode({
    current_generation = {
      token_id = pyvider_timed_token.rotatable.id
      created_at = var.generated_at # seed: was timestamp()
      expires_at = pyvider_timed_token.rotatable.expires_at
    }
    rotation_policy = {
      automatic = false
      advance_notice_minutes = 30
      fallback_strategy = "maintain_previous_token"
    }
  })
}
