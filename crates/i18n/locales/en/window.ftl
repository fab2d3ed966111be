# Window (en): filled in with the window step.
