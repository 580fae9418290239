"""Exit statuses of the ``econ`` command (README, "Exit status"; the parser's epilog)."""

EXIT_OK = 0  # success (econ check: no material finding)
EXIT_CHECK_FAILED = 1  # econ check: a material finding (a figure differs, a claim fails, beyond its materiality)
EXIT_ERROR = 2  # bad input, a report that cannot be written, or a usage error
EXIT_INTERNAL = 70  # an internal error, a bug in econ (EX_SOFTWARE of sysexits.h)
EXIT_INTERRUPTED = 128 + 2  # SIGINT (Ctrl-C), as shells report it
EXIT_TERMINATED = 128 + 15  # SIGTERM, as shells report it

EPILOG = ("Exit status: 0 success; 1 a material finding: a published figure differs or a claim does not hold (check); "
          "2 bad input, a report that cannot be written, or a usage error; 70 an internal error (a bug in econ; "
          "--debug prints its traceback); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).")
