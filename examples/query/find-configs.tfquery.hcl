# Read by `terraform query` only: finds the existing files that imported.tf then brings under management.
variable "config_directory" {
  description = "The directory to look in for existing .conf files (relative to where Terraform runs)."
  type        = string
  default     = "existing"
}

list "pyvider_file_content" "configs" {
  provider = pyvider

  config {
    directory = var.config_directory
    pattern   = "*.conf"
  }
}
