# Sandbox bank page (fi).
