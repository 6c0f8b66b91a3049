"""The Qt shell over app/: windows, pages, dialogs and item models. No SQL, no sums."""
