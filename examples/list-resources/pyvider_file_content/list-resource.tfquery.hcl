# terraform query lists the matching files; -generate-config-out writes an import block (by identity) and a
# pyvider_file_content resource for each.
list "pyvider_file_content" "app_configs" {
  provider = pyvider

  config {
    directory = "/etc/myapp"
    pattern   = "*.conf" # matched against each file's name; the default, "*", lists every file
    recursive = true     # also list the files in subdirectories
  }

  limit = 50 # Terraform's default is 100
}
