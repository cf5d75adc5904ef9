# A file that already exists, by its path (relative paths resolve against the directory Terraform runs in).
terraform import pyvider_file_content.api_config ./generated/api_config.json
