resource "pyvider_timed_token" "api" {
  name          = "ci-deploy"
  lifetime      = "1h"  # the default
  rotate_before = "10m" # re-issue when less than 10 minutes remain

  keepers = {
    environment = "production" # any change issues a new token
  }
}

# Hand the token to a consumer; the file is rewritten whenever the token rotates.
resource "pyvider_file_content" "api_config" {
  filename = "${path.module}/generated/api_config.json"
  content = jsonencode({
    token_id   = pyvider_timed_token.api.id
    token      = pyvider_timed_token.api.token
    expires_at = pyvider_timed_token.api.expires_at
  })
}

data "pyvider_http_api" "whoami" {
  url = "https://api.example.com/v1/whoami"
  headers = {
    "Authorization" = "Bearer ${pyvider_timed_token.api.token}"
  }
}

# expires_at is not sensitive, so it can be shown without `sensitive = true`.
output "token_expires_at" {
  value = pyvider_timed_token.api.expires_at
}
