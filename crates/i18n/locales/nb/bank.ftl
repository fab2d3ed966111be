# Sandbox bank page (nb).
