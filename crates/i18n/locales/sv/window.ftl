# Window (sv): filled in with the window step.
