<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Help</name>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>Open the user manual (works offline)</source>
        <translation>Das Benutzerhandbuch öffnen (funktioniert offline)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every menu command with its keyboard shortcut</source>
        <translation>Alle Menübefehle mit ihren Tastenkürzeln auflisten</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <source>TikDesk manual</source>
        <translation>TikDesk-Handbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Previous place in the manual</source>
        <translation>Vorherige Stelle im Handbuch</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>Next place in the manual</source>
        <translation>Nächste Stelle im Handbuch</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>Back to the start of the manual</source>
        <translation>Zurück zum Anfang des Handbuchs</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every menu command with its keyboard shortcut</source>
        <translation>Alle Menübefehle mit ihren Tastenkürzeln auflisten</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>Su&amp;chen:</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>Im Handbuch suchen</translation>
    </message>
    <message>
        <source>Word to find (Enter: next)</source>
        <translation>Suchbegriff (Eingabetaste: nächster Treffer)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Language of the manual</source>
        <translation>Sprache des Handbuchs</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>Enter jumps to the chapter</source>
        <translation>Die Eingabetaste springt zum Kapitel</translation>
    </message>
    <message>
        <source>Manual text</source>
        <translation>Handbuchtext</translation>
    </message>
    <message>
        <source>Manual status</source>
        <translation>Handbuch-Statuszeile</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every menu opens with Alt and its underlined letter; Ctrl+1 … Ctrl+6 switch between the main areas; F1 opens this manual.</source>
        <translation>Jedes Menü öffnet sich mit Alt und seinem unterstrichenen Buchstaben; Strg+1 … Strg+6 wechseln zwischen den Bereichen; F1 öffnet dieses Handbuch.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every field</source>
        <translation>Jedes Feld</translation>
    </message>
    <message>
        <source>Analytics → a chart</source>
        <translation>Auswertung → ein Diagramm</translation>
    </message>
    <message>
        <source>Calendar → a post</source>
        <translation>Kalender → ein Beitrag</translation>
    </message>
    <message>
        <source>Next / previous control (also out of lists and tables)</source>
        <translation>Nächstes / vorheriges Element (auch aus Listen und Tabellen heraus)</translation>
    </message>
    <message>
        <source>Type a tab character in a multi-line text</source>
        <translation>Tabulatorzeichen in einem mehrzeiligen Text eingeben</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Als PNG speichern</translation>
    </message>
    <message>
        <source>Numbers as a table, and back</source>
        <translation>Zahlen als Tabelle und zurück</translation>
    </message>
    <message>
        <source>One day earlier / later</source>
        <translation>Einen Tag früher / später</translation>
    </message>
    <message>
        <source>One week earlier / later</source>
        <translation>Eine Woche früher / später</translation>
    </message>
    <message>
        <source>Change the time</source>
        <translation>Uhrzeit ändern</translation>
    </message>
    <message>
        <source>TikDesk does not open web links (no network). Address: %1</source>
        <translation>TikDesk öffnet keine Web-Links (kein Netzwerk). Adresse: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
</context>
</TS>
