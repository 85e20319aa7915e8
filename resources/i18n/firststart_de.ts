<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Set up TikDesk</source>
        <translation>TikDesk einrichten</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to TikDesk&lt;/h3&gt;&lt;p&gt;A few details for the reports and the checklists. Everything is optional – skip what you do not know yet and change it later under &lt;i&gt;Edit → Set up TikDesk…&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Willkommen bei TikDesk&lt;/h3&gt;&lt;p&gt;Ein paar Angaben für die Berichte und die Checklisten. Alles ist freiwillig – überspringen Sie, was Sie noch nicht wissen, und ändern Sie es später unter &lt;i&gt;Bearbeiten → TikDesk einrichten…&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your display name</source>
        <translation>Ihr Anzeigename</translation>
    </message>
    <message>
        <source>Your &amp;display name:</source>
        <translation>Ihr &amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Approvals are always recorded under your Windows account %1.</source>
        <translation>Freigaben werden immer unter Ihrem Windows-Konto %1 festgehalten.</translation>
    </message>
    <message>
        <source>e.g. Stadt Musterhausen</source>
        <translation>z. B. Stadt Musterhausen</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Logo for reports:</source>
        <translation>&amp;Logo für Berichte:</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>TikTok handles</source>
        <translation>TikTok-Konten</translation>
    </message>
    <message>
        <source>@stadt_musterhausen, @karriere_musterhausen</source>
        <translation>@stadt_musterhausen, @karriere_musterhausen</translation>
    </message>
    <message>
        <source>&amp;TikTok handles:</source>
        <translation>&amp;TikTok-Konten:</translation>
    </message>
    <message>
        <source>Checklist profile</source>
        <translation>Checklisten-Profil</translation>
    </message>
    <message>
        <source>General (city, district, authority)</source>
        <translation>Allgemein (Stadt, Kreis, Behörde)</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polizei</translation>
    </message>
    <message>
        <source>Theatre, stage, orchestra</source>
        <translation>Theater, Bühne, Orchester</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>&amp;Checkliste:</translation>
    </message>
    <message>
        <source>Bundesland</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(nicht gewählt)</translation>
    </message>
    <message>
        <source>&amp;Bundesland (holidays):</source>
        <translation>&amp;Bundesland (Feiertage):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Übe&amp;rspringen</translation>
    </message>
    <message>
        <source>Set up &amp;TikDesk…</source>
        <translation>TikDesk e&amp;inrichten…</translation>
    </message>
</context>
</TS>
