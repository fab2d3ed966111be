# Window (fi): filled in with the window step.
