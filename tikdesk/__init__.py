"""TikDesk — plan, clear and measure the TikTok videos of a public body, offline."""

__version__ = "0.1.0"
APP_NAME = "TikDesk"
