"""A conversation from request to thank-you: events, notes, replies, interview mode."""
