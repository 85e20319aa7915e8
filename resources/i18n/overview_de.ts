<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>OverviewTab</name>
    <message>
        <source>What needs attention</source>
        <extracomment>an entry was double-clicked: show that post (id) on its tab … or that person (id)</extracomment>
        <translation>Was ansteht</translation>
    </message>
    <message>
        <source>Posting rhythm this week</source>
        <translation>Beitragsrhythmus diese Woche</translation>
    </message>
    <message>
        <source>Planned in the next 7 days</source>
        <translation>In den nächsten 7 Tagen geplant</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Freigabe-Prüfung</translation>
    </message>
    <message>
        <source>Blocked posts</source>
        <translation>Blockierte Beiträge</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Must come off TikTok (consent withdrawn, ended or no longer fitting)</source>
        <translation>Muss von TikTok (Einwilligung widerrufen, abgelaufen oder passt nicht mehr)</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Consents expiring in the next 30 days</source>
        <translation>Einwilligungen, die in 30 Tagen ablaufen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Erteilt von</translation>
    </message>
    <message>
        <source>Minors turning 18 in the next 30 days</source>
        <translation>Minderjährige, die in 30 Tagen 18 werden</translation>
    </message>
    <message>
        <source>18th birthday</source>
        <translation>18. Geburtstag</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Retention period over — delete</source>
        <translation>Aufbewahrungsfrist abgelaufen – löschen</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Account prerequisites (once per account)</source>
        <translation>Voraussetzungen für das Konto (einmalig)</translation>
    </message>
    <message>
        <source>Prerequisite</source>
        <translation>Voraussetzung</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Erledigt von</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Grundlage</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>What needs attention today, %1</source>
        <translation>Was heute ansteht, %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing entered yet.&lt;/b&gt; Start with an idea (Ideas tab), a post (Posts &amp;amp; clearance) or import TikTok&apos;s analytics (Analytics tab).</source>
        <translation>&lt;b&gt;Noch nichts erfasst.&lt;/b&gt; Beginnen Sie mit einer Idee (Reiter Ideen), einem Beitrag (Beiträge &amp;amp; Freigabe) oder importieren Sie TikToks Analysedaten (Reiter Auswertung).</translation>
    </message>
    <message numerus="yes">
        <source>(%n days)</source>
        <translation>
            <numerusform>(%n Tag)</numerusform>
            <numerusform>(%n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask for a new consent of their own</source>
        <translation>Neue eigene Einwilligung einholen</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Hier ist noch nichts.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Nichts zu tun.</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n weiterer)</numerusform>
            <numerusform>(+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Account prerequisites</source>
        <translation>Voraussetzungen für das Konto</translation>
    </message>
</context>
</TS>
