# Sandbox bank page (en).
