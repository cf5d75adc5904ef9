# Common Patterns
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - file paths: under var.output_dir instead of /app/config and /monitoring.
#   - request URL: under var.api_base_url, which answers (api.example.com does not).
#   - var.environment has a default, so the example runs without -var.
# Each change is marked "seed:" where it is made.

# --- Token Rotation Strategy ---

# Create multiple tokens for rotation
resource "pyvider_timed_token" "primary" {
  name = "primary-token"
}

resource "pyvider_timed_token" "backup" {
  name = "backup-token"
}

# Application config with fallback
resource "pyvider_file_content" "app_config" {
  filename = "${var.output_dir}/app/config/tokens.json" # seed: was "/app/config/tokens.json"
  content = jsonencode({
    primary_token = {
      value = pyvider_timed_token.primary.token
      expires_at = pyvider_timed_token.primary.expires_at
    }
    backup_token = {
      value = pyvider_timed_token.backup.token
      expires_at = pyvider_timed_token.backup.expires_at
    }
  })
}

# --- Environment-Specific Tokens ---

variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "development" # seed: added so the example runs without -var; production and staging work too
}

resource "pyvider_timed_token" "env_token" {
  name = "${var.environment}-api-token"
}

# Different expiration handling per environment
locals {
  token_config = {
    production = {
      require_rotation = true
      max_age_hours = 1
    }
    staging = {
      require_rotation = false
      max_age_hours = 24
    }
    development = {
      require_rotation = false
      max_age_hours = 168  # 1 week
    }
  }
}

# --- Integration with External Systems ---

resource "pyvider_timed_token" "webhook_token" {
  name = "webhook-authentication"
}

# Configure webhook with temporary token
data "pyvider_http_api" "register_webhook" {
  url    = "${var.api_base_url}/webhooks" # seed: was "https://api.example.com/webhooks"
  method = "POST"
  headers = {
    "Authorization" = "Bearer ${pyvider_timed_token.webhook_token.token}"
    "Content-Type"  = "application/json"
  }
}

# --- Token Monitoring and Alerts ---

resource "pyvider_timed_token" "monitored_token" {
  name = "critical-service-token"
}

# Create monitoring configuration
resource "pyvider_file_content" "token_monitor" {
  filename = "${var.output_dir}/monitoring/token_status.json" # seed: was "/monitoring/token_status.json"
  content = jsonencode({
    token_id = pyvider_timed_token.monitored_token.id
    name = pyvider_timed_token.monitored_token.name
    expires_at = pyvider_timed_token.monitored_token.expires_at
    monitoring = {
      alert_before_expiry_minutes = 15
      auto_rotate = true
      notification_webhook = "https://alerts.example.com/webhook"
    }
  })
}
