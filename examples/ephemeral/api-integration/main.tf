# API Integration Tokens, with ephemeral tokens
#
# The documentation's API integration examples (../../seed/api-integration-tokens) with every token kept out of the
# state and the plan:
#   - each token is an ephemeral block: Terraform opens a new one in each plan and apply and forgets it afterwards.
#   - everything read from an ephemeral block is ephemeral, its id, expires_at and name included, and Terraform
#     accepts ephemeral values only in write-only arguments. So every file that names a token gets its whole
#     content through content_wo, and now holds the token itself for the client that reads it.
#   - the token names live in local.token_names, so the summary file and the output can show them without touching
#     an ephemeral value.
#   - the two pyvider_http_api requests are gone: a data source's arguments must not hold ephemeral values, and its
#     headers are not write-only. Their URL and headers go to external_api_client.json and webhook_config.json, for
#     the client that makes the calls.
#   - content_wo_version = var.token_file_version on every file: rewritten, with the tokens of that apply, only when
#     the version changes.

locals {
  token_names = {
    external_api         = "external-service-integration"
    webhook_auth         = "webhook-callback-auth"
    database_api         = "database-service-token"
    service_orchestrator = "service-orchestration-token"
    payment_service      = "payment-service-token"
    notification_service = "notification-service-token"
    graphql_api          = "graphql-service-token"
    primary_integration  = "primary-api-integration"
    backup_integration   = "backup-api-integration"
  }
}

# Example 1: External API authentication
ephemeral "pyvider_timed_token" "external_api" {
  name = local.token_names.external_api
}

# The request the client makes with the token (the documentation sent it from a pyvider_http_api data source)
resource "pyvider_file_content" "external_api_client" {
  filename = "${var.output_dir}/external_api_client.json"
  content_wo = jsonencode({
    request = {
      url    = "https://api.example.com/v1/data"
      method = "GET"
      headers = {
        "Authorization" = "Bearer ${ephemeral.pyvider_timed_token.external_api.token}"
        "Content-Type"  = "application/json"
        "X-API-Version" = "2024-01-01"
        "X-Token-ID"    = ephemeral.pyvider_timed_token.external_api.id
      }
    }
    token_expires_at = ephemeral.pyvider_timed_token.external_api.expires_at
  })
  content_wo_version = var.token_file_version
}

# Example 2: Webhook authentication token
ephemeral "pyvider_timed_token" "webhook_auth" {
  name = local.token_names.webhook_auth
}

# Create webhook configuration file, with the registration the documentation sent as a POST
resource "pyvider_file_content" "webhook_config" {
  filename = "${var.output_dir}/webhook_config.json"
  content_wo = jsonencode({
    webhook = {
      endpoint = "https://our-service.example.com/webhook"
      registration = {
        url    = "https://webhooks.example.com/register"
        method = "POST"
      }
      authentication = {
        type       = "bearer_token"
        token      = ephemeral.pyvider_timed_token.webhook_auth.token
        token_id   = ephemeral.pyvider_timed_token.webhook_auth.id
        token_name = ephemeral.pyvider_timed_token.webhook_auth.name
        expires_at = ephemeral.pyvider_timed_token.webhook_auth.expires_at
      }
      events = ["user.created", "user.updated", "user.deleted"]
      retry_policy = {
        max_attempts    = 3
        backoff_seconds = [1, 5, 15]
      }
    }
    security = {
      verify_signature = true
      allowed_ips      = ["192.168.1.0/24", "10.0.0.0/8"]
      rate_limit = {
        requests_per_minute = 100
        burst_limit         = 10
      }
    }
  })
  content_wo_version = var.token_file_version
}

# Example 3: Database API token
ephemeral "pyvider_timed_token" "database_api" {
  name = local.token_names.database_api
}

# Create database connection configuration
resource "pyvider_file_content" "database_api_config" {
  filename = "${var.output_dir}/database_api_config.json"
  content_wo = jsonencode({
    database_api = {
      connection = {
        base_url = "https://db-api.example.com/v2"
        authentication = {
          method     = "api_token"
          token      = ephemeral.pyvider_timed_token.database_api.token
          token_id   = ephemeral.pyvider_timed_token.database_api.id
          token_name = ephemeral.pyvider_timed_token.database_api.name
          expires_at = ephemeral.pyvider_timed_token.database_api.expires_at
        }
        timeout_seconds = 30
        retry_attempts  = 3
      }
      endpoints = {
        query  = "/query"
        batch  = "/batch"
        schema = "/schema"
        health = "/health"
      }
      permissions = {
        read  = true
        write = false
        admin = false
      }
    }
    connection_pool = {
      max_connections           = 10
      idle_timeout_seconds      = 300
      connection_lifetime_hours = 1
    }
  })
  content_wo_version = var.token_file_version
}

# Example 4: Multi-service API orchestration
ephemeral "pyvider_timed_token" "service_orchestrator" {
  name = local.token_names.service_orchestrator
}

ephemeral "pyvider_timed_token" "payment_service" {
  name = local.token_names.payment_service
}

ephemeral "pyvider_timed_token" "notification_service" {
  name = local.token_names.notification_service
}

# Create service orchestration configuration
resource "pyvider_file_content" "service_orchestration" {
  filename = "${var.output_dir}/service_orchestration.json"
  content_wo = jsonencode({
    orchestration = {
      coordinator = {
        token      = ephemeral.pyvider_timed_token.service_orchestrator.token
        token_id   = ephemeral.pyvider_timed_token.service_orchestrator.id
        token_name = ephemeral.pyvider_timed_token.service_orchestrator.name
        expires_at = ephemeral.pyvider_timed_token.service_orchestrator.expires_at
      }

      services = {
        payment = {
          base_url        = "https://payments.example.com/api/v1"
          token           = ephemeral.pyvider_timed_token.payment_service.token
          token_id        = ephemeral.pyvider_timed_token.payment_service.id
          token_name      = ephemeral.pyvider_timed_token.payment_service.name
          expires_at      = ephemeral.pyvider_timed_token.payment_service.expires_at
          timeout_seconds = 15
          retry_policy    = "exponential_backoff"
        }

        notifications = {
          base_url        = "https://notify.example.com/api/v1"
          token           = ephemeral.pyvider_timed_token.notification_service.token
          token_id        = ephemeral.pyvider_timed_token.notification_service.id
          token_name      = ephemeral.pyvider_timed_token.notification_service.name
          expires_at      = ephemeral.pyvider_timed_token.notification_service.expires_at
          timeout_seconds = 10
          retry_policy    = "immediate_retry"
        }
      }

      workflows = {
        user_registration = {
          steps = [
            {
              service  = "payment"
              endpoint = "/customers"
              method   = "POST"
              timeout  = 15
            },
            {
              service  = "notifications"
              endpoint = "/welcome"
              method   = "POST"
              timeout  = 5
            }
          ]
          rollback_enabled     = true
          max_duration_seconds = 60
        }
      }
    }

    monitoring = {
      health_checks = {
        enabled           = true
        interval_seconds  = 30
        failure_threshold = 3
      }
      token_expiration = {
        warn_before_minutes = 10
        auto_refresh        = false
      }
    }
  })
  content_wo_version = var.token_file_version
}

# Example 5: GraphQL API integration
ephemeral "pyvider_timed_token" "graphql_api" {
  name = local.token_names.graphql_api
}

# Create GraphQL client configuration
resource "pyvider_file_content" "graphql_config" {
  filename = "${var.output_dir}/graphql_config.json"
  content_wo = jsonencode({
    graphql_client = {
      endpoint = "https://graphql.example.com/api"
      authentication = {
        type          = "bearer_token"
        token         = ephemeral.pyvider_timed_token.graphql_api.token
        token_id      = ephemeral.pyvider_timed_token.graphql_api.id
        token_name    = ephemeral.pyvider_timed_token.graphql_api.name
        expires_at    = ephemeral.pyvider_timed_token.graphql_api.expires_at
        header_name   = "Authorization"
        header_format = "Bearer {token}"
      }

      introspection = {
        enabled            = true
        cache_schema       = true
        schema_ttl_minutes = 30
      }

      queries = {
        user_profile = {
          query = "query GetUser($id: ID!) { user(id: $id) { id name email profile { avatar bio } } }"
          variables = {
            id = "$USER_ID"
          }
        }
        user_posts = {
          query = "query GetUserPosts($userId: ID!, $limit: Int) { posts(userId: $userId, limit: $limit) { id title content createdAt } }"
          variables = {
            userId = "$USER_ID"
            limit  = 10
          }
        }
      }

      mutations = {
        create_post = {
          mutation = "mutation CreatePost($input: PostInput!) { createPost(input: $input) { id title content author { name } } }"
          variables = {
            input = "$POST_INPUT"
          }
        }
      }

      subscriptions = {
        post_updates = {
          subscription = "subscription PostUpdates($userId: ID!) { postUpdated(userId: $userId) { id title content updatedAt } }"
          variables = {
            userId = "$USER_ID"
          }
        }
      }
    }

    client_options = {
      timeout_seconds    = 30
      retry_attempts     = 3
      batch_requests     = true
      persistent_queries = false
    }
  })
  content_wo_version = var.token_file_version
}

# Example 6: Token rotation strategy for long-running integrations
ephemeral "pyvider_timed_token" "primary_integration" {
  name = local.token_names.primary_integration
}

ephemeral "pyvider_timed_token" "backup_integration" {
  name = local.token_names.backup_integration
}

# Create token rotation configuration
resource "pyvider_file_content" "token_rotation_strategy" {
  filename = "${var.output_dir}/token_rotation_strategy.json"
  content_wo = jsonencode({
    token_rotation = {
      strategy = "blue_green"

      primary_token = {
        token      = ephemeral.pyvider_timed_token.primary_integration.token
        token_id   = ephemeral.pyvider_timed_token.primary_integration.id
        token_name = ephemeral.pyvider_timed_token.primary_integration.name
        expires_at = ephemeral.pyvider_timed_token.primary_integration.expires_at
        status     = "active"
        priority   = 1
      }

      backup_token = {
        token      = ephemeral.pyvider_timed_token.backup_integration.token
        token_id   = ephemeral.pyvider_timed_token.backup_integration.id
        token_name = ephemeral.pyvider_timed_token.backup_integration.name
        expires_at = ephemeral.pyvider_timed_token.backup_integration.expires_at
        status     = "standby"
        priority   = 2
      }

      rotation_policy = {
        trigger_before_expiry_minutes = 15
        overlap_period_minutes        = 5
        validation_checks = [
          "token_format",
          "api_connectivity",
          "permission_validation"
        ]
        fallback_enabled      = true
        notification_channels = ["email", "slack", "webhook"]
      }

      monitoring = {
        health_endpoint        = "/health/tokens"
        check_interval_seconds = 60
        alert_on_failure       = true
        metrics = {
          token_usage_rate    = true
          api_response_times  = true
          error_rates         = true
          expiration_warnings = true
        }
      }
    }

    failover = {
      automatic          = true
      max_retry_attempts = 3
      circuit_breaker = {
        failure_threshold     = 5
        reset_timeout_seconds = 300
      }
    }
  })
  content_wo_version = var.token_file_version
}

# Create comprehensive API integration summary: nothing ephemeral in it, so it is ordinary content in the state.
resource "pyvider_file_content" "api_integration_summary" {
  filename = "${var.output_dir}/api_integration_summary.txt"
  content = join("\n", [
    "=== API Integration Token Summary ===",
    "",
    "External API Integration:",
    "  Token: ${local.token_names.external_api}",
    "  Client configuration: ${pyvider_file_content.external_api_client.filename}",
    "",
    "Webhook Authentication:",
    "  Token: ${local.token_names.webhook_auth}",
    "  Configuration: ${pyvider_file_content.webhook_config.filename}",
    "",
    "Database API Integration:",
    "  Token: ${local.token_names.database_api}",
    "  Configuration: ${pyvider_file_content.database_api_config.filename}",
    "",
    "Service Orchestration:",
    "  Coordinator: ${local.token_names.service_orchestrator}",
    "  Payment Service: ${local.token_names.payment_service}",
    "  Notification Service: ${local.token_names.notification_service}",
    "",
    "GraphQL Integration:",
    "  Token: ${local.token_names.graphql_api}",
    "  Configuration: ${pyvider_file_content.graphql_config.filename}",
    "",
    "Token Rotation Strategy:",
    "  Primary: ${local.token_names.primary_integration}",
    "  Backup: ${local.token_names.backup_integration}",
    "",
    "Security Features:",
    "  ✅ Time-limited tokens (1 hour expiration)",
    "  ✅ Tokens never stored in the state or the plan (ephemeral)",
    "  ✅ Token files written through write-only content_wo",
    "  ✅ Multi-service orchestration",
    "  ✅ Fallback and redundancy",
    "",
    "Token files written at version ${var.token_file_version}"
  ])
}

output "api_integration_results" {
  description = "API integration token names and the files that hold the tokens (no token values: they are ephemeral)"
  value = {
    integrations = {
      external_api = {
        token_name    = local.token_names.external_api
        configuration = pyvider_file_content.external_api_client.filename
      }

      webhook = {
        token_name    = local.token_names.webhook_auth
        configuration = pyvider_file_content.webhook_config.filename
      }

      database_api = {
        token_name    = local.token_names.database_api
        configuration = pyvider_file_content.database_api_config.filename
      }

      graphql = {
        token_name    = local.token_names.graphql_api
        configuration = pyvider_file_content.graphql_config.filename
      }
    }

    service_orchestration = {
      coordinator             = local.token_names.service_orchestrator
      payment_service         = local.token_names.payment_service
      notification_service    = local.token_names.notification_service
      all_services_configured = true
    }

    token_rotation = {
      primary_token      = local.token_names.primary_integration
      backup_token       = local.token_names.backup_integration
      strategy           = "blue_green"
      redundancy_enabled = true
    }

    summary = {
      total_tokens       = 9
      token_file_version = var.token_file_version
      integration_types  = ["REST API", "Webhook", "Database API", "GraphQL", "Service Orchestration"]
      security_features  = ["Time-limited", "Ephemeral (never stored)", "Token rotation", "Failover support"]
    }

    configuration_files = [
      pyvider_file_content.external_api_client.filename,
      pyvider_file_content.webhook_config.filename,
      pyvider_file_content.database_api_config.filename,
      pyvider_file_content.service_orchestration.filename,
      pyvider_file_content.graphql_config.filename,
      pyvider_file_content.token_rotation_strategy.filename,
      pyvider_file_content.api_integration_summary.filename
    ]
  }
}
