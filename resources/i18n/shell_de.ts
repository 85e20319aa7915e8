<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CrashDialog</name>
    <message>
        <source>TikDesk – unexpected error</source>
        <translation>TikDesk – unerwarteter Fehler</translation>
    </message>
    <message>
        <source>TikDesk was closed unexpectedly last time. Your data is safe: every change had been saved when it was made. The details below help us find the cause.</source>
        <translation>TikDesk wurde beim letzten Mal unerwartet beendet. Ihre Daten sind sicher: Jede Änderung wurde gespeichert, als sie gemacht wurde. Die Angaben unten helfen, die Ursache zu finden.</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your data is safe: the action was either saved completely or not at all. You can keep working. Please send the details to your IT support.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre Daten sind sicher: Die Aktion wurde entweder vollständig oder gar nicht gespeichert. Sie können weiterarbeiten. Bitte senden Sie die Angaben an Ihren IT-Support.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only notice</source>
        <extracomment>tabs may load their data in the background (the app&apos;s start, issue 21)</extracomment>
        <translation>Hinweis: nur lesen</translation>
    </message>
    <message>
        <source>Main areas</source>
        <translation>Hauptbereiche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ro&amp;les…</source>
        <translation>Ro&amp;llen…</translation>
    </message>
    <message>
        <source>&amp;Sample data</source>
        <translation>&amp;Beispieldaten</translation>
    </message>
    <message>
        <source>Open a separate demo database with realistic ideas. Your own database is not touched.</source>
        <translation>Öffnet eine eigene Demo-Datenbank mit realistischen Ideen. Ihre Datenbank bleibt unberührt.</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About TikDesk</source>
        <translation>&amp;Über TikDesk</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Ideas</source>
        <translation>&amp;Ideen</translation>
    </message>
    <message>
        <source>Posts &amp;&amp; &amp;clearance</source>
        <translation>Beiträge &amp;&amp; &amp;Freigabe</translation>
    </message>
    <message>
        <source>Cale&amp;ndar</source>
        <translation>Kale&amp;nder</translation>
    </message>
    <message>
        <source>&amp;People &amp;&amp; consent</source>
        <translation>&amp;Personen &amp;&amp; Einwilligungen</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>Aus&amp;wertung</translation>
    </message>
    <message>
        <source>Opening the database …</source>
        <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Geöffnete Datenbank</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source> – sample data</source>
        <translation> – Beispieldaten</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>This database is open read-only. You can look at everything, but not change anything.</source>
        <translation>Diese Datenbank ist schreibgeschützt geöffnet. Sie können alles ansehen, aber nichts ändern.</translation>
    </message>
    <message>
        <source>Unknown file</source>
        <translation>Unbekannte Datei</translation>
    </message>
    <message>
        <source>TikDesk cannot tell what to do with this file. Use File → Import.</source>
        <translation>TikDesk erkennt nicht, was mit dieser Datei geschehen soll. Bitte Datei → Importieren verwenden.</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>TikDesk database (*.sqlite)</source>
        <translation>TikDesk-Datenbank (*.sqlite)</translation>
    </message>
    <message>
        <source>TikDesk database (*.sqlite *.db);;All files (*)</source>
        <translation>TikDesk-Datenbank (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>About TikDesk</source>
        <translation>Über TikDesk</translation>
    </message>
    <message>
        <source>TikDesk %1

Plan, clear and measure the TikTok videos of a public body — offline. TikDesk makes no network connections.

Database: %2</source>
        <translation>TikDesk %1

TikTok-Videos einer Behörde planen, freigeben und auswerten – offline. TikDesk baut keine Netzwerkverbindungen auf.

Datenbank: %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>As the system (German if the system is German)</source>
        <translation>Wie das System (Deutsch, wenn das System deutsch ist)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect after TikDesk is restarted.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von TikDesk.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>A display name shown beside your account. Who approves is always your Windows account (%1), never this name.</source>
        <translation>Ein Anzeigename neben Ihrem Konto. Wer freigibt, ist immer Ihr Windows-Konto (%1), nie dieser Name.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Logo for &amp;reports:</source>
        <translation>Logo für &amp;Berichte:</translation>
    </message>
    <message>
        <source>Controller (name and address)</source>
        <translation>Verantwortliche Stelle (Name und Anschrift)</translation>
    </message>
    <message>
        <source>e.g. City of Example, Main Street 1, 12345 Example</source>
        <translation>z. B. Stadt Beispiel, Hauptstraße 1, 12345 Beispiel</translation>
    </message>
    <message>
        <source>&amp;Controller (consent forms):</source>
        <translation>&amp;Verantwortliche Stelle (Einwilligungsformulare):</translation>
    </message>
    <message>
        <source>Data-protection officer&apos;s contact</source>
        <translation>Kontakt der/des Datenschutzbeauftragten</translation>
    </message>
    <message>
        <source>e.g. datenschutz@example.de, 0123 456-789</source>
        <translation>z. B. datenschutz@example.de, 0123 456-789</translation>
    </message>
    <message>
        <source>&amp;Data-protection officer:</source>
        <translation>&amp;Datenschutzbeauftragte:r:</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Who acts is the Windows account, never the name in the preferences. Editor: edits people and consents. Approver: approves posts of others (four eyes compare accounts). DSB: sets the DSB exception, gives and removes roles, cleans backups of erased people. Approver and DSB may edit too.
Your account: %1</source>
        <translation>Wer handelt, ist das Windows-Konto, nie der Name in den Einstellungen. Redaktion: bearbeitet Personen und Einwilligungen. Freigabe: gibt Beiträge anderer frei (das Vier-Augen-Prinzip vergleicht Konten). DSB: setzt die DSB-Ausnahme, vergibt und entzieht Rollen, bereinigt Sicherungen mit gelöschten Personen. Freigabe und DSB dürfen auch bearbeiten.
Ihr Konto: %1</translation>
    </message>
    <message>
        <source>Only a DSB account may change roles; you can look at them here.</source>
        <translation>Nur ein DSB-Konto darf Rollen ändern; Sie können sie hier ansehen.</translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation>Konten und Rollen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>DOMAIN\user</source>
        <translation>DOMÄNE\benutzer</translation>
    </message>
    <message>
        <source>&amp;Add as editor</source>
        <translation>Als Redaktion &amp;hinzufügen</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
</TS>
