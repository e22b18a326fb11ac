"""Screens: home (course map), lesson, quiz, results, and the key-help modal."""
