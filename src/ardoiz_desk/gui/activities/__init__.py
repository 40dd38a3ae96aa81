"""Recording activities (workshops, hands-on sessions, agents' training) and listing them."""
