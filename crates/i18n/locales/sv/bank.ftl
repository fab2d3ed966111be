# Sandbox bank page (sv).
