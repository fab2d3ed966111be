# Window (nb): filled in with the window step.
