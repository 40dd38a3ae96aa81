"""Activities: workshops, individual sessions, agents' training, with attendance."""
