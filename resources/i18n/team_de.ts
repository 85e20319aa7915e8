<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>LiveRefresh</name>
    <message>
        <source>The connection to the database server was lost: changes by others are no longer shown. Reopen the database to reconnect.</source>
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
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for the team database</source>
        <extracomment>address as shown -&gt; password typed in this session (memory only, never stored)</extracomment>
        <translation>Passwort für die Team-Datenbank</translation>
    </message>
    <message>
        <source>The database server %1 asks for the password of your login. TikDesk keeps it in memory until you quit and never stores it.</source>
        <translation>Der Datenbankserver %1 verlangt das Passwort Ihrer Anmeldung. TikDesk behält es nur bis zum Beenden im Arbeitsspeicher und speichert es nie.</translation>
    </message>
    <message>
        <source>The password was not accepted.</source>
        <translation>Das Passwort wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>TeamConnect</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Team database…</source>
        <translation>&amp;Team-Datenbank…</translation>
    </message>
    <message>
        <source>Re&amp;connect to the team database</source>
        <translation>Mit der Team-Datenbank neu &amp;verbinden</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <source>Team database</source>
        <translation>Team-Datenbank</translation>
    </message>
    <message>
        <source>A team database lives on a PostgreSQL server run by your IT department. Enter its address; your IT department tells you which.</source>
        <translation>Eine Team-Datenbank liegt auf einem PostgreSQL-Server Ihrer IT. Geben Sie ihre Adresse ein; welche, sagt Ihnen die IT.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server-Adresse</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server-&amp;Adresse:</translation>
    </message>
    <message>
        <source>Form: postgresql://server[:port]/database, optionally with a login: postgresql://name@server/database. Never put a password into the address: TikDesk uses the Windows login (Kerberos), the pgpass file or PGPASSWORD, or asks for the password once per session and never stores it.
Encryption (TLS): append ?sslmode=verify-full&amp;sslrootcert=C:\path\ca.pem (the certificate of your IT department&apos;s authority).</source>
        <translation>Form: postgresql://server[:port]/datenbank, wahlweise mit Anmeldung: postgresql://name@server/datenbank. Nie ein Passwort in die Adresse schreiben: TikDesk nutzt die Windows-Anmeldung (Kerberos), die pgpass-Datei oder PGPASSWORD oder fragt einmal je Sitzung nach dem Passwort und speichert es nie.
Verschlüsselung (TLS): ?sslmode=verify-full&amp;sslrootcert=C:\pfad\ca.pem anhängen (das Zertifikat der Zertifizierungsstelle Ihrer IT).</translation>
    </message>
    <message>
        <source>Result of the connection test</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s address.</source>
        <translation>Bitte die Adresse des Servers eingeben.</translation>
    </message>
    <message>
        <source>A team database&apos;s address starts with postgresql://</source>
        <translation>Die Adresse einer Team-Datenbank beginnt mit postgresql://</translation>
    </message>
    <message>
        <source>Connecting… (at most a few seconds)</source>
        <translation>Verbinde … (höchstens einige Sekunden)</translation>
    </message>
</context>
</TS>
