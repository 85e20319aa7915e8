"""The UI's widget kit: what more than one area uses (tables, badges, formatting, controls).

Nothing here knows a tab; the tabs (``tikdesk.ui.<area>``) build on it.
"""
