"""The date and time a report states: now, or ``SOURCE_DATE_EPOCH`` for reproducible reports.

With ``SOURCE_DATE_EPOCH`` set (whole seconds since 1970-01-01 UTC, the
reproducible-builds convention), the same input gives byte-identical results
workbooks and PDF reports, whenever they are written.
"""

from __future__ import annotations

import datetime as _dt
import os

from econ.errors import ReportError

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"


def report_time() -> _dt.datetime:
    """The report's time, in UTC without tzinfo (as XlsxWriter takes it).

    Raises ReportError when ``SOURCE_DATE_EPOCH`` is set but is not a whole
    number of seconds in the range of dates.
    """
    text = os.environ.get(ENVIRONMENT_VARIABLE)
    if text is None or not text.strip():
        return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    try:
        moment = _dt.datetime.fromtimestamp(int(text.strip()), _dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ReportError(f"environment variable {ENVIRONMENT_VARIABLE}: expected whole seconds since "
                          f"1970-01-01 UTC, found {text!r}") from None
    return moment.replace(tzinfo=None)
