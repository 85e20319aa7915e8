<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Date</source>
        <extracomment>file name → ids of erased people it still holds; None: not looked at</extracomment>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Erased people</source>
        <translation>Gelöschte Personen</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>BESCHÄDIGT</translation>
    </message>
    <message>
        <source>still holds %1</source>
        <translation>enthält noch %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CheckResultDialog</name>
    <message>
        <source>Database check – TikDesk</source>
        <translation>Datenbank prüfen – TikDesk</translation>
    </message>
    <message>
        <source>✔ The database is sound.</source>
        <translation>✔ Die Datenbank ist in Ordnung.</translation>
    </message>
    <message>
        <source>✔ The database is sound. A few things are worth a look.</source>
        <translation>✔ Die Datenbank ist in Ordnung. Einige Punkte sind einen Blick wert.</translation>
    </message>
    <message>
        <source>✖ The database has problems. Restore a backup (File → Backups → Restore…) or ask your IT support.</source>
        <translation>✖ Die Datenbank hat Fehler. Stellen Sie eine Sicherung wieder her (Datei → Sicherungen → Wiederherstellen…) oder wenden Sie sich an Ihren IT-Support.</translation>
    </message>
    <message>
        <source>Check details</source>
        <translation>Einzelheiten der Prüfung</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>Database damaged – TikDesk</source>
        <translation>Datenbank beschädigt – TikDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database %1 is damaged.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Datenbank %1 ist beschädigt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>SQLite reports: %1</source>
        <translation>SQLite meldet: %1</translation>
    </message>
    <message>
        <source>The damaged file has been kept as %1; nothing was overwritten.</source>
        <translation>Die beschädigte Datei wurde als %1 aufbewahrt; nichts wurde überschrieben.</translation>
    </message>
    <message>
        <source>The newest intact backup is from &lt;b&gt;%1&lt;/b&gt; (%2). Changes made after that time are not in it.</source>
        <translation>Die neueste intakte Sicherung ist vom &lt;b&gt;%1&lt;/b&gt; (%2). Änderungen nach diesem Zeitpunkt sind darin nicht enthalten.</translation>
    </message>
    <message>
        <source>There is no intact backup of this database.</source>
        <translation>Es gibt keine intakte Sicherung dieser Datenbank.</translation>
    </message>
    <message>
        <source>&amp;Restore backup from %1</source>
        <translation>Sicherung vom %1 &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Start with an &amp;empty database</source>
        <translation>Mit &amp;leerer Datenbank beginnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Database in use – TikDesk</source>
        <translation>Datenbank in Benutzung – TikDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database is already open in another TikDesk.&lt;/b&gt;&lt;br&gt;&lt;br&gt;%1&lt;br&gt;File: %2&lt;br&gt;&lt;br&gt;Only one TikDesk at a time may change a database; two writers can overwrite each other&apos;s work. You can look at everything read-only, or quit and ask your colleague to close TikDesk.</source>
        <translation>&lt;b&gt;Die Datenbank ist bereits in einem anderen TikDesk geöffnet.&lt;/b&gt;&lt;br&gt;&lt;br&gt;%1&lt;br&gt;Datei: %2&lt;br&gt;&lt;br&gt;Es darf immer nur ein TikDesk eine Datenbank ändern; zwei Schreibende können sich gegenseitig die Arbeit überschreiben. Sie können alles nur lesend ansehen oder beenden und Ihre Kollegin bzw. Ihren Kollegen bitten, TikDesk zu schließen.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Nur &amp;lesen öffnen</translation>
    </message>
    <message>
        <source>Open &amp;anyway…</source>
        <translation>&amp;Trotzdem öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Open anyway?</source>
        <translation>Trotzdem öffnen?</translation>
    </message>
    <message>
        <source>Only do this if you are sure that the other TikDesk is no longer running (for example after a crash on another computer). If both write, changes can be lost.

Open the database for writing anyway?</source>
        <translation>Tun Sie das nur, wenn Sie sicher sind, dass das andere TikDesk nicht mehr läuft (zum Beispiel nach einem Absturz auf einem anderen Rechner). Wenn beide schreiben, können Änderungen verloren gehen.

Die Datenbank trotzdem zum Schreiben öffnen?</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup – TikDesk</source>
        <translation>Aus Sicherung wiederherstellen – TikDesk</translation>
    </message>
    <message>
        <source>Choose the state to go back to. The present state is backed up first, so a restore can itself be undone.
Backup folder: %1</source>
        <translation>Wählen Sie den Stand, zu dem Sie zurückkehren möchten. Der jetzige Stand wird vorher gesichert, so lässt sich auch eine Wiederherstellung rückgängig machen.
Sicherungsordner: %1</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>Von dieser Datenbank gibt es noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Clean…</source>
        <translation>&amp;Bereinigen…</translation>
    </message>
    <message>
        <source>Erase the erased people in this backup too (the DSB decides)</source>
        <translation>Die gelöschten Personen auch in dieser Sicherung löschen (Entscheidung der/des DSB)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete this backup, which still holds erased people (the DSB decides)</source>
        <translation>Diese Sicherung, die noch gelöschte Personen enthält, löschen (Entscheidung der/des DSB)</translation>
    </message>
    <message>
        <source>%1 backups still hold people who were erased since (Art. 17 GDPR). Restoring one erases them again at once; Clean… or Delete… removes them from the backup itself – the data-protection officer&apos;s decision.</source>
        <translation>%1 Sicherungen enthalten noch Personen, die inzwischen gelöscht wurden (Art. 17 DSGVO). Beim Wiederherstellen werden sie sofort wieder gelöscht; „Bereinigen…“ oder „Löschen…“ entfernt sie aus der Sicherung selbst – eine Entscheidung der/des Datenschutzbeauftragten.</translation>
    </message>
    <message>
        <source>Clean backup?</source>
        <translation>Sicherung bereinigen?</translation>
    </message>
    <message>
        <source>This is the data-protection officer&apos;s (DSB&apos;s) decision, recorded under your account.

The backup of %1 still holds %2 erased people. Erase them in the backup too, as in the database (the erasure register is applied to it)? The backup keeps its date; everything else in it stays.</source>
        <translation>Dies ist eine Entscheidung der/des Datenschutzbeauftragten (DSB), protokolliert unter Ihrem Konto.

Die Sicherung vom %1 enthält noch %2 gelöschte Personen. Sie auch in der Sicherung löschen, wie in der Datenbank (das Löschregister wird auf sie angewandt)? Die Sicherung behält ihr Datum; alles andere darin bleibt.</translation>
    </message>
    <message>
        <source>Clean backup</source>
        <translation>Sicherung bereinigen</translation>
    </message>
    <message>
        <source>Delete backup?</source>
        <translation>Sicherung löschen?</translation>
    </message>
    <message>
        <source>This is the data-protection officer&apos;s (DSB&apos;s) decision, recorded under your account.

The backup of %1 still holds %2 erased people. Delete the whole backup for good? It can then no longer be restored.</source>
        <translation>Dies ist eine Entscheidung der/des Datenschutzbeauftragten (DSB), protokolliert unter Ihrem Konto.

Die Sicherung vom %1 enthält noch %2 gelöschte Personen. Die ganze Sicherung endgültig löschen? Sie kann dann nicht mehr wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Restore backup?</source>
        <translation>Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Go back to the state of %1?

Everything changed after that time will be replaced. The present state is backed up first.</source>
        <translation>Zum Stand vom %1 zurückkehren?

Alles, was danach geändert wurde, wird ersetzt. Der jetzige Stand wird vorher gesichert.</translation>
    </message>
</context>
<context>
    <name>SafetyController</name>
    <message>
        <source>Back up &amp;now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>Write a checked copy of the database into the backup folder</source>
        <translation>Eine geprüfte Kopie der Datenbank in den Sicherungsordner schreiben</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Open backup &amp;folder</source>
        <translation>Sicherungs&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Chec&amp;k database</source>
        <translation>Datenbank &amp;prüfen</translation>
    </message>
    <message>
        <source>Full integrity, foreign-key and consistency check</source>
        <translation>Vollständige Prüfung von Integrität, Verweisen und Stimmigkeit</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Sicherung geschrieben: %1</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Sicherung geschrieben</translation>
    </message>
    <message>
        <source>The backup was written and passed its integrity check:
%1</source>
        <translation>Die Sicherung wurde geschrieben und hat die Integritätsprüfung bestanden:
%1</translation>
    </message>
    <message>
        <source>Automatic backup…</source>
        <translation>Automatische Sicherung…</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Automatische Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Automatic backup written: %1</source>
        <translation>Automatische Sicherung geschrieben: %1</translation>
    </message>
    <message>
        <source>Backup on exit failed</source>
        <translation>Sicherung beim Beenden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>Sicherungen werden geprüft…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The state of %1 has been restored.</source>
        <translation>Der Stand vom %1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The state before the restore was backed up to:
%1</source>
        <translation>Der Stand vor der Wiederherstellung wurde gesichert in:
%1</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Datenbank wird geprüft…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Datenbank prüfen</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Database on a network drive</source>
        <translation>Datenbank auf einem Netzlaufwerk</translation>
    </message>
    <message>
        <source>The database %1 lies on a network drive. TikDesk works more slowly there and switches off the write-ahead log, because network drives do not share it reliably. If the connection drops while saving, data can be lost.

Recommended: keep the database on this computer&apos;s own disk (File → New database), or, to work as a team, use the team server set-up described in the manual.</source>
        <translation>Die Datenbank %1 liegt auf einem Netzlaufwerk. TikDesk arbeitet dort langsamer und schaltet das Write-Ahead-Log ab, weil Netzlaufwerke es nicht zuverlässig teilen. Bricht die Verbindung beim Speichern ab, können Daten verloren gehen.

Empfohlen: die Datenbank auf der eigenen Festplatte dieses Rechners ablegen (Datei → Neue Datenbank) oder für die Arbeit im Team die im Handbuch beschriebene Einrichtung mit Team-Server nutzen.</translation>
    </message>
</context>
<context>
    <name>SafetyStartup</name>
    <message>
        <source>Read-only: this database is %1. You can look at everything, but not change anything.</source>
        <extracomment>``opener(read_only=…, ignore_lock=…)`` returns an open Database or raises.</extracomment>
        <translation>Nur lesen: Diese Datenbank ist %1. Sie können alles ansehen, aber nichts ändern.</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>The backup from %1 has been restored. The damaged file is kept as %2.</source>
        <translation>Die Sicherung vom %1 wurde wiederhergestellt. Die beschädigte Datei bleibt als %2 erhalten.</translation>
    </message>
</context>
</TS>
