"""Reflection: career fit per path, self-reflection, insights across notes, statistics."""
