"""Today: the due index the rules fill, the list read from it, setting steps aside, reminders."""
