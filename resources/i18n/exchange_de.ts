<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Ideas from &amp;Excel/CSV…</source>
        <translation>Ideen aus &amp;Excel/CSV…</translation>
    </message>
    <message>
        <source>Read an idea list from .xlsx, .xls, .ods or .csv; you see a preview first.</source>
        <translation>Eine Ideenliste aus .xlsx, .xls, .ods oder .csv lesen; zuerst erscheint eine Vorschau.</translation>
    </message>
    <message>
        <source>Ideas to &amp;Excel/CSV…</source>
        <translation>Ideen nach &amp;Excel/CSV…</translation>
    </message>
    <message>
        <source>Write the idea backlog as an Excel workbook or a CSV file for Excel.</source>
        <translation>Den Ideenspeicher als Excel-Arbeitsmappe oder CSV-Datei für Excel schreiben.</translation>
    </message>
    <message>
        <source>Export tem&amp;plate…</source>
        <translation>&amp;Vorlage exportieren…</translation>
    </message>
    <message>
        <source>An empty idea list with drop-down lists, for colleagues to fill in.</source>
        <translation>Eine leere Ideenliste mit Auswahllisten zum Ausfüllen durch Kolleg:innen.</translation>
    </message>
    <message>
        <source>Import ideas</source>
        <translation>Ideen importieren</translation>
    </message>
    <message>
        <source>The database is open read-only; nothing can be imported.</source>
        <translation>Die Datenbank ist schreibgeschützt geöffnet; es kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>Import ideas from Excel/CSV</source>
        <translation>Ideen aus Excel/CSV importieren</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Tabellen (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 ideas added, %2 updated, %3 unchanged, %4 rows left out.</source>
        <translation>%1 Ideen neu angelegt, %2 aktualisiert, %3 unverändert, %4 Zeilen ausgelassen.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export ideas</source>
        <translation>Ideen exportieren</translation>
    </message>
    <message>
        <source>The Ideas tab shows %1 ideas through a filter. Export only these?

No exports all ideas.</source>
        <translation>Der Reiter „Ideen“ zeigt durch einen Filter %1 Ideen. Nur diese exportieren?

„Nein“ exportiert alle Ideen.</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Writing %1 …</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message>
        <source>Export cancelled – no file was written.</source>
        <translation>Export abgebrochen – es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>%1 ideas written to %2.</source>
        <translation>%1 Ideen nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Vorlage exportieren</translation>
    </message>
    <message>
        <source>Idea template</source>
        <translation>Ideen-Vorlage</translation>
    </message>
    <message>
        <source>Template written to %1. Colleagues fill it in; import it with File → Import → Ideas from Excel/CSV.</source>
        <translation>Vorlage nach %1 geschrieben. Kolleg:innen füllen sie aus; importieren mit Datei → Importieren → Ideen aus Excel/CSV.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Importing %1 …</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <source>Import cancelled – nothing was written.</source>
        <translation>Import abgebrochen – es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import ideas – preview</source>
        <translation>Ideen importieren – Vorschau</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Arbeitsblatt</translation>
    </message>
    <message>
        <source>&amp;Worksheet:</source>
        <translation>&amp;Arbeitsblatt:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Übernehmen als</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>%1 (%2, header in row %3)</source>
        <translation>%1 (%2, Überschriften in Zeile %3)</translation>
    </message>
    <message>
        <source>%1 new · %2 to update · %3 unchanged · %4 problems</source>
        <translation>%1 neu · %2 zu aktualisieren · %3 unverändert · %4 Probleme</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Änderungen (%1)</translation>
    </message>
    <message>
        <source>Leave out the %1 rows with problems and import the rest</source>
        <translation>Die %1 Zeilen mit Problemen auslassen und den Rest importieren</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(ohne Überschrift)</translation>
    </message>
    <message>
        <source>Import column %1 as</source>
        <translation>Spalte %1 übernehmen als</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(nicht übernehmen)</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>ganze Datei</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is (see Problems).</source>
        <translation>Diese Datei kann so nicht importiert werden (siehe Probleme).</translation>
    </message>
    <message>
        <source>Nothing is imported while there are problems. Correct the file and open it again, correct the column mapping, or leave out the rows with problems.</source>
        <translation>Solange es Probleme gibt, wird nichts importiert. Die Datei korrigieren und erneut öffnen, die Spaltenzuordnung korrigieren oder die Zeilen mit Problemen auslassen.</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in TikDesk.</source>
        <translation>Nichts zu importieren: Jede Zeile ist schon so in TikDesk.</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Import writes everything in one step.</source>
        <translation>Noch ist nichts geschrieben. „Importieren“ schreibt alles in einem Schritt.</translation>
    </message>
</context>
</TS>
