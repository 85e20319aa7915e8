<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Report</name>
    <message>
        <source>&amp;Management report…</source>
        <translation>&amp;Management-Bericht…</translation>
    </message>
    <message>
        <source>Workbook (and PDF) with the figures of a period for management</source>
        <translation>Arbeitsmappe (und PDF) mit den Zahlen eines Zeitraums für die Leitung</translation>
    </message>
    <message>
        <source>Management report</source>
        <translation>Management-Bericht</translation>
    </message>
    <message>
        <source>Creating the management report…</source>
        <translation>Management-Bericht wird erstellt …</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Bericht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>TikTok-Report</source>
        <translation>TikTok-Bericht</translation>
    </message>
    <message>
        <source>Management report</source>
        <translation>Management-Bericht</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Frei wählbar</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Art des Zeitraums</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Nächster Zeitraum</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>All accounts (one section each)</source>
        <translation>Alle Konten (je Konto ein Abschnitt)</translation>
    </message>
    <message>
        <source>Workbook file</source>
        <translation>Datei der Arbeitsmappe</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Also save as PDF (same name)</source>
        <translation>Auch als PDF speichern (gleicher Name)</translation>
    </message>
    <message>
        <source>Include the names of the people shown</source>
        <translation>Namen der Mitwirkenden aufnehmen</translation>
    </message>
    <message>
        <source>The file will then contain personal data: the names of the adults shown in each post (never the names of minors). Pass it on only to those who need it.</source>
        <translation>Die Datei enthält dann personenbezogene Daten: die Namen der Erwachsenen, die in den Beiträgen zu sehen sind (nie die Namen Minderjähriger). Bitte nur an Personen weitergeben, die sie brauchen.</translation>
    </message>
    <message>
        <source>By default the report contains no names of people.</source>
        <translation>Der Bericht enthält normalerweise keine Namen von Personen.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>Von – bis:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Create report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>The last day lies before the first day.</source>
        <translation>Der letzte Tag liegt vor dem ersten Tag.</translation>
    </message>
    <message>
        <source>%1, compared with %2</source>
        <translation>%1, verglichen mit %2</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>The report was saved:</source>
        <translation>Der Bericht wurde gespeichert:</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
</TS>
