"""Scheduling: availability, proposed times, booking, invites and the calendar feed."""
