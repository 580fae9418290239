"""Exit statuses of the ``econ`` command (README, "Exit status")."""

EXIT_OK, EXIT_CHECK_FAILED, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 128 + 2  # SIGINT (Ctrl-C), as shells report it
EXIT_TERMINATED = 128 + 15  # SIGTERM, as shells report it
