import {
  to = pyvider_file_content.app_config
  identity = {
    filename = "config/app.conf"
  }
}

# The same filename as the identity: the imported file is this resource's from now on, and the next apply writes
# the configured content if the file holds something else.
resource "pyvider_file_content" "app_config" {
  filename = "config/app.conf"
  content  = "listen = 8080\n"
}
