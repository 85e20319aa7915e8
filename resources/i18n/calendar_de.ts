<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CalendarSettingsDialog</name>
    <message>
        <source>Posting rhythm and holidays</source>
        <translation>Veröffentlichungsrhythmus und Feiertage</translation>
    </message>
    <message>
        <source>All accounts together</source>
        <translation>Alle Konten zusammen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source> posts a week</source>
        <translation> Beiträge je Woche</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>Target posts a week</source>
        <translation>Ziel: Beiträge je Woche</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Nationwide holidays only</source>
        <translation>Nur bundesweite Feiertage</translation>
    </message>
    <message>
        <source>Bundesland</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <source>&amp;Bundesland:</source>
        <translation>&amp;Bundesland:</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Monat</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>W&amp;oche</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>H&amp;eute</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
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
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>Freigabestand:</translation>
    </message>
    <message>
        <source>Alt+←/→ moves the selected post by a day, Alt+↑/↓ by a week</source>
        <translation>Alt+←/→ verschiebt den gewählten Beitrag um einen Tag, Alt+↑/↓ um eine Woche</translation>
    </message>
    <message>
        <source>Bring the editorial plan in from Excel/CSV; you see a preview first.</source>
        <translation>Den Redaktionsplan aus Excel/CSV übernehmen; zuerst erscheint eine Vorschau.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Without a date&lt;/b&gt; (drop here to unschedule)</source>
        <translation>&lt;b&gt;Ohne Termin&lt;/b&gt; (hier ablegen, um den Termin zu entfernen)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Posts without a date</source>
        <translation>Beiträge ohne Termin</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Chan&amp;ge time…</source>
        <translation>&amp;Termin ändern…</translation>
    </message>
    <message>
        <source>&amp;Rhythm &amp;&amp; holidays…</source>
        <translation>Rhythmu&amp;s &amp;&amp; Feiertage…</translation>
    </message>
    <message>
        <source>Print month plan (P&amp;DF)…</source>
        <translation>Monatsplan d&amp;rucken (PDF)…</translation>
    </message>
    <message>
        <source>Import p&amp;lan…</source>
        <translation>P&amp;lan importieren…</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Print month plan</source>
        <translation>Monatsplan drucken</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Editorial plan %1</source>
        <translation>Redaktionsplan %1</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>TikDesk · printed %1 · no names of people</source>
        <translation>TikDesk · gedruckt am %1 · ohne Namen von Personen</translation>
    </message>
    <message>
        <source>Wk %1</source>
        <translation>KW %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>unter Ziel</translation>
    </message>
    <message>
        <source>Only %1 of %2 posts planned this week</source>
        <translation>In dieser Woche sind nur %1 von %2 Beiträgen geplant</translation>
    </message>
    <message>
        <source>Week %1: %2 – %3</source>
        <translation>KW %1: %2 – %3</translation>
    </message>
    <message>
        <source>%1 of %2 planned, %3 approved</source>
        <translation>%1 von %2 geplant, %3 freigegeben</translation>
    </message>
    <message>
        <source>Outside the usual hours</source>
        <translation>Außerhalb der üblichen Stunden</translation>
    </message>
    <message>
        <source>Good time: posts at this hour did well</source>
        <translation>Gute Zeit: Beiträge zu dieser Stunde liefen gut</translation>
    </message>
    <message>
        <source>No posts yet. First create posts on the „Posts &amp; clearance“ tab or import an editorial plan with „Import plan…“; posts without a date appear on the right under „Without a date“ and can be dragged onto a day.</source>
        <translation>Noch keine Beiträge. Legen Sie zuerst Beiträge im Reiter „Beiträge &amp; Freigabe“ an oder übernehmen Sie einen Redaktionsplan mit „Plan importieren…“; Beiträge ohne Datum erscheinen rechts unter „Ohne Termin“ und lassen sich auf einen Tag ziehen.</translation>
    </message>
    <message>
        <source>Green slots: the hours that worked best, from %1 posts with a time of day.</source>
        <translation>Grün hinterlegt: die Stunden, die am besten liefen – beruht auf %1 Beiträgen mit Uhrzeit.</translation>
    </message>
    <message>
        <source>Good times are shown from 10 posts with a time of day in the analytics (now %1).</source>
        <translation>Gute Zeiten werden ab 10 Beiträgen mit Uhrzeit in der Auswertung gezeigt (jetzt %1).</translation>
    </message>
    <message>
        <source>Holidays: %1</source>
        <translation>Feiertage: %1</translation>
    </message>
    <message>
        <source>Holidays: nationwide only (choose a Bundesland)</source>
        <translation>Feiertage: nur bundesweite (Bundesland wählen)</translation>
    </message>
    <message>
        <source>Alt+←/→ a day, Alt+↑/↓ a week, Enter changes the time.</source>
        <translation>Alt+←/→ ein Tag, Alt+↑/↓ eine Woche, Eingabetaste ändert die Uhrzeit.</translation>
    </message>
    <message>
        <source>Please select a post in the calendar first.</source>
        <translation>Bitte zuerst einen Beitrag im Kalender auswählen.</translation>
    </message>
    <message>
        <source>Moving this post revokes its approval: the date is part of it.</source>
        <translation>Verschieben zieht die Freigabe dieses Beitrags zurück: der Termin gehört dazu.</translation>
    </message>
    <message>
        <source>This database is open read-only.</source>
        <translation>Diese Datenbank ist nur zum Lesen geöffnet.</translation>
    </message>
    <message>
        <source>A published post keeps its date.</source>
        <translation>Ein veröffentlichter Beitrag behält seinen Termin.</translation>
    </message>
    <message>
        <source>The approval of “%1” will be revoked: the date is part of what was approved. The post needs approving again.</source>
        <translation>Die Freigabe von „%1“ wird zurückgezogen: der Termin gehört zu dem, was freigegeben wurde. Der Beitrag muss erneut freigegeben werden.</translation>
    </message>
    <message>
        <source>On the new date the post is blocked:</source>
        <translation>Am neuen Termin ist der Beitrag blockiert:</translation>
    </message>
    <message>
        <source>Move it anyway?</source>
        <translation>Trotzdem verschieben?</translation>
    </message>
    <message>
        <source>Move post</source>
        <translation>Beitrag verschieben</translation>
    </message>
</context>
<context>
    <name>PlanImport</name>
    <message>
        <source>Import editorial plan – preview</source>
        <translation>Redaktionsplan importieren – Vorschau</translation>
    </message>
    <message>
        <source>Add the %1 people not in the registry (%2) with age unknown – their posts stay blocked until they are completed</source>
        <translation>Die %1 Personen, die nicht im Register stehen (%2), mit unbekanntem Alter anlegen – ihre Beiträge bleiben blockiert, bis die Angaben ergänzt sind</translation>
    </message>
    <message>
        <source>Import editorial plan</source>
        <translation>Redaktionsplan importieren</translation>
    </message>
    <message>
        <source>The database is open read-only; nothing can be imported.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet; es kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Tabellen (*.xlsx *.xlsm *.xls *.ods *.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Planned time</source>
        <translation>Geplanter Termin</translation>
    </message>
    <message>
        <source>Planned date and time</source>
        <translation>Geplanter Tag und Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>&amp;Geplant:</translation>
    </message>
    <message>
        <source>&amp;No date yet</source>
        <translation>&amp;Noch kein Termin</translation>
    </message>
</context>
</TS>
