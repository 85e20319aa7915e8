"""The calendar's holidays load Germany alone, not every country of ``holidays`` (issue 21:
some 280 modules and about 7 MB of resident memory), and name the same days as the ordinary
import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

CHECK = """
import datetime as dt, json, sys
from tikdesk.services.calendar import _germany
table = _germany()(subdiv="BY", years=range(2027, 2028), language="de")
print(json.dumps({
    "countries": "holidays.countries" in sys.modules,
    "france": "holidays.countries.france" in sys.modules,
    "days": {d.isoformat(): n for d, n in sorted(table.items())},
}))
"""


def test_germany_is_imported_without_every_other_country() -> None:
    import json

    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=120
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert not found["countries"]
    assert not found["france"]
    from holidays.countries.germany import Germany  # the ordinary import, for comparison

    expected = Germany(subdiv="BY", years=range(2027, 2028), language="de")
    assert found["days"] == {d.isoformat(): n for d, n in sorted(expected.items())}
    assert found["days"][dt.date(2027, 5, 27).isoformat()] == "Fronleichnam"
