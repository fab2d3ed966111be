# Sandbox bank page (da).
