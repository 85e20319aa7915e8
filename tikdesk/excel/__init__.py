"""Files in and out: readers and writers for xlsx/csv/zip, TikTok exports, report workbooks."""
