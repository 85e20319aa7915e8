<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>LiveRefresh</name>
    <message>
      <source>The connection to the database server was lost: changes by others are no longer shown. Reopen the database to reconnect.</source>
      <extracomment>the kind of record -&gt; the tab that shows it</extracomment>
      <translation>Die Verbindung zum Datenbankserver ist abgebrochen: Änderungen anderer werden nicht mehr angezeigt. Zum erneuten Verbinden die Datenbank wieder öffnen.</translation>
    </message>
    <message>
      <source>The record shown was just changed by someone else; it shows the new state.</source>
      <translation>Der angezeigte Datensatz wurde gerade von jemand anderem geändert; er zeigt jetzt den neuen Stand.</translation>
    </message>
    <message>
      <source>The post shown was just changed by someone else; it shows the new state.</source>
      <translation>Der angezeigte Beitrag wurde gerade von jemand anderem geändert; er zeigt jetzt den neuen Stand.</translation>
    </message>
    <message>
      <source>Someone else has just changed this idea. Saving will report the conflict; cancel and reopen the idea to see the new state.</source>
      <translation>Jemand anderes hat diese Idee gerade geändert. Beim Speichern wird der Konflikt gemeldet; zum Ansehen des neuen Stands abbrechen und die Idee neu öffnen.</translation>
    </message>
  </context>
</TS>