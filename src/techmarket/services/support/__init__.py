"""Support tickets, FAQ and live chat with agents."""
