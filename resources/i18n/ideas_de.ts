<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>IdeaBoard</name>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>owner: %1</source>
        <translation>verantwortlich: %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig am %1</translation>
    </message>
    <message>
        <source>Move card to previous status</source>
        <translation>Karte in den vorigen Status verschieben</translation>
    </message>
    <message>
        <source>Move card to next status</source>
        <translation>Karte in den nächsten Status verschieben</translation>
    </message>
    <message>
        <source>Move card up</source>
        <translation>Karte nach oben</translation>
    </message>
    <message>
        <source>Move card down</source>
        <translation>Karte nach unten</translation>
    </message>
    <message>
        <source>+ %1 more – search or filter to see them</source>
        <translation>+ %1 weitere – mit Suche oder Filter eingrenzen</translation>
    </message>
</context>
<context>
    <name>IdeaCommands</name>
    <message>
        <source>New idea “%1”</source>
        <translation>Neue Idee „%1“</translation>
    </message>
    <message>
        <source>Duplicate “%1”</source>
        <translation>„%1“ duplizieren</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Verantwortliche:n</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Change %1 of %2 ideas</source>
        <translation>%1 von %2 Ideen ändern</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Delete %1 ideas</source>
        <translation>%1 Ideen löschen</translation>
    </message>
    <message>
        <source>Reorder “%1”</source>
        <translation>„%1“ umsortieren</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>„%1“ nach %2 verschieben</translation>
    </message>
</context>
<context>
    <name>IdeaEditorDialog</name>
    <message>
        <source>New idea</source>
        <translation>Neue Idee</translation>
    </message>
    <message>
        <source>Idea (read-only)</source>
        <translation>Idee (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Edit idea</source>
        <translation>Idee bearbeiten</translation>
    </message>
    <message>
        <source>Required – what is the video about?</source>
        <translation>Pflichtfeld – worum geht es im Video?</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The first three seconds</source>
        <translation>Die ersten drei Sekunden</translation>
    </message>
    <message>
        <source>&amp;Hook:</source>
        <translation>&amp;Hook:</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Hook</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>&amp;use</source>
        <translation>fest&amp;legen</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>Hat ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Fällig:</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>nicht geschätzt</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>&amp;Effort:</source>
        <translation>&amp;Aufwand:</translation>
    </message>
    <message>
        <source>Effort in hours</source>
        <translation>Aufwand in Stunden</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Apprenticeship, Fire brigade</source>
        <translation>Durch Kommas getrennt, z. B. Ausbildung, Feuerwehr</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>P&amp;illar:</source>
        <translation>Th&amp;emensäule:</translation>
    </message>
    <message>
        <source>Content pillar</source>
        <translation>Themensäule</translation>
    </message>
    <message>
        <source>Trend or sound (link or name)</source>
        <translation>Trend oder Sound (Link oder Name)</translation>
    </message>
    <message>
        <source>T&amp;rend/sound:</source>
        <translation>T&amp;rend/Sound:</translation>
    </message>
    <message>
        <source>Trend or sound</source>
        <translation>Trend oder Sound</translation>
    </message>
</context>
<context>
    <name>IdeasTab</name>
    <message>
        <source>Set owner</source>
        <translation>Verantwortlich setzen</translation>
    </message>
    <message>
        <source>Owner of the selected ideas:</source>
        <translation>Verantwortlich für die ausgewählten Ideen:</translation>
    </message>
    <message>
        <source>&amp;New idea…</source>
        <translation>&amp;Neue Idee…</translation>
    </message>
    <message>
        <source>New idea</source>
        <translation>Neue Idee</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the idea</source>
        <translation>Idee bearbeiten</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Duplicate the idea</source>
        <translation>Idee duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected ideas</source>
        <translation>Ausgewählte Ideen löschen</translation>
    </message>
    <message>
        <source>Set &amp;owner…</source>
        <translation>&amp;Verantwortlich setzen…</translation>
    </message>
    <message>
        <source>Set the owner of the selected ideas</source>
        <translation>Verantwortliche:n der ausgewählten Ideen setzen</translation>
    </message>
    <message>
        <source>Turn into &amp;post</source>
        <translation>In Beitrag umw&amp;andeln</translation>
    </message>
    <message>
        <source>Create a draft post from this idea</source>
        <translation>Aus dieser Idee einen Beitragsentwurf anlegen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search ideas</source>
        <translation>Ideen durchsuchen</translation>
    </message>
    <message>
        <source>Set &amp;status</source>
        <translation>&amp;Status setzen</translation>
    </message>
    <message>
        <source>Set p&amp;riority</source>
        <translation>P&amp;riorität setzen</translation>
    </message>
    <message>
        <source>Ideas as &amp;table</source>
        <translation>Ideen als &amp;Tabelle</translation>
    </message>
    <message>
        <source>Ideas as &amp;board</source>
        <translation>Ideen als &amp;Board</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Show the ideas as a table</source>
        <translation>Ideen als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Show the ideas as a board by status</source>
        <translation>Ideen als Board nach Status zeigen</translation>
    </message>
    <message>
        <source>Ideas</source>
        <extracomment>rows shown at once while the whole backlog loads in the background (issue 21) the whole backlog is in the index (after a background load) „In Beitrag umwandeln“ for this idea (id): the window makes the post and shows it bring this tab to the front (its Edit → Idea menu acts on its selection)</extracomment>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Change the selected ideas</source>
        <translation>Ausgewählte Ideen ändern</translation>
    </message>
    <message>
        <source>Search title, hook, description, tags (%1)</source>
        <translation>Titel, Hook, Beschreibung, Schlagwörter durchsuchen (%1)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All formats</source>
        <translation>Alle Formate</translation>
    </message>
    <message>
        <source>Filter by format</source>
        <translation>Nach Format filtern</translation>
    </message>
    <message>
        <source>All audiences</source>
        <translation>Alle Zielgruppen</translation>
    </message>
    <message>
        <source>Filter by audience</source>
        <translation>Nach Zielgruppe filtern</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Nach Verantwortlichen filtern</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Idea details</source>
        <translation>Details der Idee</translation>
    </message>
    <message>
        <source>&amp;Idea</source>
        <translation>I&amp;dee</translation>
    </message>
    <message>
        <source>%1 ideas</source>
        <translation>%1 Ideen</translation>
    </message>
    <message>
        <source>%1 of %2 ideas</source>
        <translation>%1 von %2 Ideen</translation>
    </message>
    <message>
        <source>&amp;Show…</source>
        <translation>&amp;Anzeigen…</translation>
    </message>
    <message>
        <source>Select an idea to see its details.</source>
        <translation>Wählen Sie eine Idee, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>No ideas yet. Start with „New idea“ (%1), or import an idea list: File → Import → Ideas from Excel/CSV…</source>
        <translation>Noch keine Ideen. Beginnen Sie mit „Neue Idee“ (%1) oder importieren Sie eine Ideenliste: Datei → Importieren → Ideen aus Excel/CSV…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Aufwand</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Pillar</source>
        <translation>Themensäule</translation>
    </message>
    <message>
        <source>Trend/sound</source>
        <translation>Trend/Sound</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Delete the idea “%1”?</source>
        <translation>Die Idee „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete %1 ideas?</source>
        <translation>%1 Ideen löschen?</translation>
    </message>
    <message>
        <source>You can undo this with Edit → Undo.</source>
        <translation>Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Delete ideas</source>
        <translation>Ideen löschen</translation>
    </message>
</context>
</TS>
