"""The help window (F1) and which help page each part of the window opens."""
