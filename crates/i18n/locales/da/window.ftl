# Window (da): filled in with the window step.
