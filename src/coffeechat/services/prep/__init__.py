"""Preparing a conversation: the question bank, the plan and the brief."""
