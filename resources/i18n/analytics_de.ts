<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Analytics</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show the numbers as a table</source>
        <translation>Die Zahlen als Tabelle zeigen</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation>Als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <extracomment>lines of the bottom axes&apos; titles (a panel with a two-line title says so)</extracomment>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>The image could not be saved: %1</source>
        <translation>Das Bild konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Followers and daily net change</source>
        <translation>Follower und tägliche Veränderung</translation>
    </message>
    <message>
        <source>No follower numbers in this period. Import the Followers ZIP (FollowerHistory) or a Business Suite overview with new and lost followers.</source>
        <translation>Keine Followerzahlen in diesem Zeitraum. Importieren Sie die Followers-ZIP (FollowerHistory) oder eine Business-Suite-Übersicht mit neuen und verlorenen Followern.</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Net, summed</source>
        <translation>Netto, summiert</translation>
    </message>
    <message>
        <source>net %1 in the period</source>
        <translation>netto %1 im Zeitraum</translation>
    </message>
    <message>
        <source>Net since the period began</source>
        <translation>Netto seit Beginn des Zeitraums</translation>
    </message>
    <message>
        <source>Net change: %1</source>
        <translation>Veränderung: %1</translation>
    </message>
    <message>
        <source>New: %1, lost: %2</source>
        <translation>Neu: %1, verloren: %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>Neue Follower</translation>
    </message>
    <message>
        <source>Lost followers</source>
        <translation>Verlorene Follower</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-Tage-Schnitt</translation>
    </message>
    <message>
        <source>No daily numbers in this period. Import the Overview ZIP from TikTok Studio or a Business Suite overview.</source>
        <translation>Keine Tageswerte in diesem Zeitraum. Importieren Sie die Overview-ZIP aus TikTok Studio oder eine Business-Suite-Übersicht.</translation>
    </message>
    <message>
        <source>total: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <source>%1: %2 (7-day average %3)</source>
        <translation>%1: %2 (7-Tage-Schnitt %3)</translation>
    </message>
    <message>
        <source>%1 (7-day average)</source>
        <translation>%1 (7-Tage-Schnitt)</translation>
    </message>
    <message>
        <source>Posts: views and engagement rate</source>
        <translation>Beiträge: Aufrufe und Interaktionsrate</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interaktion</translation>
    </message>
    <message>
        <source>No posts with numbers in this period. Import the Content ZIP from TikTok Studio or enter a post&apos;s numbers by hand (Enter numbers…).</source>
        <translation>Keine Beiträge mit Zahlen in diesem Zeitraum. Importieren Sie die Content-ZIP aus TikTok Studio oder tragen Sie die Zahlen eines Beitrags von Hand ein (Zahlen eintragen…).</translation>
    </message>
    <message>
        <source>%1 posts, typical engagement rate %2 (dashed line)</source>
        <translation>%1 Beiträge, typische Interaktionsrate %2 (gestrichelte Linie)</translation>
    </message>
    <message>
        <source>Typical value: the median – half of the posts are above it, half below.</source>
        <translation>Typischer Wert: der Median – die Hälfte der Beiträge liegt darüber, die Hälfte darunter.</translation>
    </message>
    <message>
        <source>bar: typical value · line: middle half&lt;br&gt;hatched: fewer than 3 posts</source>
        <translation>Balken: typischer Wert · Linie: mittlere Hälfte&lt;br&gt;schraffiert: weniger als 3 Beiträge</translation>
    </message>
    <message>
        <source>Link videos…</source>
        <translation>Videos zuordnen…</translation>
    </message>
    <message>
        <source>Link the imported videos to their posts</source>
        <translation>Die importierten Videos ihren Beiträgen zuordnen</translation>
    </message>
    <message>
        <source>%1 posts · typically %2</source>
        <translation>%1 Beiträge · typisch %2</translation>
    </message>
    <message>
        <source>%1 posts; typical value and middle half</source>
        <translation>%1 Beiträge; typischer Wert und mittlere Hälfte</translation>
    </message>
    <message>
        <source>Typical value: %1 (median)</source>
        <translation>Typischer Wert: %1 (Median)</translation>
    </message>
    <message>
        <source>Middle half of the posts: %1 – %2 (quartiles Q1–Q3)</source>
        <translation>Mittlere Hälfte der Beiträge: %1 – %2 (Quartile Q1–Q3)</translation>
    </message>
    <message>
        <source>Lowest – highest: %1 – %2</source>
        <translation>Niedrigster – höchster Wert: %1 – %2</translation>
    </message>
    <message>
        <source>Views: %1</source>
        <translation>Aufrufe: %1</translation>
    </message>
    <message>
        <source>Likes: %1, comments: %2, shares: %3</source>
        <translation>Likes: %1, Kommentare: %2, Shares: %3</translation>
    </message>
    <message>
        <source>Engagement rate: %1</source>
        <translation>Interaktionsrate: %1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>≈ TikTok gave rounded numbers (such as 1.2K).</source>
        <translation>≈ TikTok hat gerundete Zahlen geliefert (etwa 1,2K).</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Shares</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Interaktionsrate</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>No posts with views in this period. Link the imported videos to their posts (Link videos…) to compare formats and audiences.</source>
        <translation>Keine Beiträge mit Aufrufen in diesem Zeitraum. Ordnen Sie die importierten Videos ihren Beiträgen zu (Videos zuordnen…), um Formate und Zielgruppen zu vergleichen.</translation>
    </message>
    <message>
        <source>Posts: %1</source>
        <translation>Beiträge: %1</translation>
    </message>
    <message>
        <source>Few posts: do not over-read this.</source>
        <translation>Wenige Beiträge: nicht überbewerten.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Bar: the typical value (median: half of the posts are above it, half below) · line: the middle half of the posts (from the first to the third quartile, Q1–Q3) · hatched: fewer than 3 posts</source>
        <translation>Balken: der typische Wert (Median: die Hälfte der Beiträge liegt darüber, die Hälfte darunter) · Linie: die mittlere Hälfte der Beiträge (vom ersten bis zum dritten Quartil, Q1–Q3) · schraffiert: weniger als 3 Beiträge</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Typical value (median)</source>
        <translation>Typischer Wert (Median)</translation>
    </message>
    <message>
        <source>Middle half from (Q1)</source>
        <translation>Mittlere Hälfte ab (Q1)</translation>
    </message>
    <message>
        <source>Middle half to (Q3)</source>
        <translation>Mittlere Hälfte bis (Q3)</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Niedrigster Wert</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Höchster Wert</translation>
    </message>
    <message>
        <source>Typical views (median)</source>
        <translation>Typische Aufrufe (Median)</translation>
    </message>
    <message>
        <source>Typical engagement rate (median)</source>
        <translation>Typische Interaktionsrate (Median)</translation>
    </message>
    <message>
        <source>%1 %2–%3 h: %4 posts, typically %5 (median)</source>
        <translation>%1 %2–%3 Uhr: %4 Beiträge, typisch %5 (Median)</translation>
    </message>
    <message>
        <source>When posts were published and how they did</source>
        <translation>Wann veröffentlicht – und wie gut gelaufen</translation>
    </message>
    <message>
        <source>„%1“: %2 videos are not linked to a post yet, so their format and audience are unknown. Link them (Link videos…) to compare.</source>
        <translation>„%1“: %2 Videos sind noch keinem Beitrag zugeordnet, Format und Zielgruppe sind daher unbekannt. Ordnen Sie sie zu (Videos zuordnen…), um zu vergleichen.</translation>
    </message>
    <message>
        <source>Heat map measure</source>
        <translation>Kennzahl der Heatmap</translation>
    </message>
    <message>
        <source>No post in this period has a publication time with an hour. TikTok&apos;s Content export only gives the day: enter the time in the post (Posts &amp; clearance) or import a video list with times.</source>
        <translation>Kein Beitrag in diesem Zeitraum hat eine Veröffentlichungszeit mit Uhrzeit. TikToks Content-Export nennt nur den Tag: Tragen Sie die Uhrzeit im Beitrag ein (Beiträge &amp; Freigabe) oder importieren Sie eine Videoliste mit Uhrzeiten.</translation>
    </message>
    <message>
        <source>Posts without a time: %1</source>
        <translation>Beiträge ohne Uhrzeit: %1</translation>
    </message>
    <message>
        <source>%1; %2 posts with a time</source>
        <translation>%1; %2 Beiträge mit Uhrzeit</translation>
    </message>
    <message>
        <source>Hour of publication · number: posts&lt;br&gt;darker and ▲: higher typical value, ▼: lower</source>
        <translation>Uhrzeit der Veröffentlichung · Zahl: Beiträge&lt;br&gt;dunkler und ▲: höherer typischer Wert, ▼: niedriger</translation>
    </message>
    <message>
        <source>%1 without a time</source>
        <translation>%1 ohne Uhrzeit</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>diverse / not stated</source>
        <translation>divers / keine Angabe</translation>
    </message>
    <message>
        <source>other countries</source>
        <translation>andere Länder</translation>
    </message>
    <message>
        <source>Followers by gender and country</source>
        <translation>Follower nach Geschlecht und Land</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>No gender or country shares yet. They come with the Followers ZIP from TikTok Studio (FollowerGender, FollowerTopTerritories).</source>
        <translation>Noch keine Anteile nach Geschlecht oder Land. Sie kommen mit dem Followers-ZIP aus TikTok Studio (FollowerGender, FollowerTopTerritories).</translation>
    </message>
    <message>
        <source>as exported on %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>%1: %2 of the followers (as of %3)</source>
        <translation>%1: %2 der Follower (Stand %3)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Peer accounts (followers)</source>
        <translation>Vergleichskonten (Follower)</translation>
    </message>
    <message>
        <source>No peer accounts yet. Type in other public bodies&apos; followers below (name, date, followers) to compare.</source>
        <translation>Noch keine Vergleichskonten. Tragen Sie unten die Followerzahlen anderer Behörden ein (Name, Datum, Follower), um zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 peer accounts</source>
        <translation>%1 Vergleichskonten</translation>
    </message>
    <message>
        <source>%1
%2: %3 followers</source>
        <translation>%1
%2: %3 Follower</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Video views per day</source>
        <translation>Videoaufrufe pro Tag</translation>
    </message>
    <message>
        <source>Likes, comments, shares per day</source>
        <translation>Likes, Kommentare, Shares pro Tag</translation>
    </message>
    <message>
        <source>Engagement rate by format</source>
        <translation>Interaktionsrate nach Format</translation>
    </message>
    <message>
        <source>Engagement rate by audience</source>
        <translation>Interaktionsrate nach Zielgruppe</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Import TikTok analytics – preview</source>
        <translation>TikTok-Analysedaten importieren – Vorschau</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accounts:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Date range:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Konten:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Zeitraum:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Rows new, changed and unchanged</source>
        <translation>Zeilen: neu, geändert, unverändert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Account days</source>
        <translation>Tageswerte (Konto)</translation>
    </message>
    <message>
        <source>Video snapshots</source>
        <translation>Video-Stände</translation>
    </message>
    <message>
        <source>Audience shares</source>
        <translation>Publikumsanteile</translation>
    </message>
    <message>
        <source>Files and columns recognised</source>
        <translation>Erkannte Dateien und Spalten</translation>
    </message>
    <message>
        <source>File / column</source>
        <translation>Datei / Spalte</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
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
        <source>Rows that cannot be read (%1)</source>
        <translation>Nicht lesbare Zeilen (%1)</translation>
    </message>
    <message>
        <source>&amp;Leave out the rows with problems and import the rest</source>
        <translation>Zeilen mit Problemen &amp;weglassen und den Rest importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Nothing new: every row is already in the database. Importing would change nothing.</source>
        <translation>Nichts Neues: Alle Zeilen sind schon in der Datenbank. Der Import würde nichts ändern.</translation>
    </message>
    <message>
        <source>Some rows cannot be read. Nothing is imported unless you choose to leave out the rows listed under problems.</source>
        <translation>Einige Zeilen sind nicht lesbar. Es wird nichts importiert, außer Sie wählen, die unter Probleme aufgeführten Zeilen wegzulassen.</translation>
    </message>
    <message>
        <source>Everything is readable. Nothing is written until you press Import.</source>
        <translation>Alles ist lesbar. Gespeichert wird erst, wenn Sie auf „Importieren“ klicken.</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>keine Zeilen</translation>
    </message>
    <message>
        <source>%1 · account %2 · %3 rows · %4</source>
        <translation>%1 · Konto %2 · %3 Zeilen · %4</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <source>Which year?</source>
        <translation>Welches Jahr?</translation>
    </message>
    <message>
        <source>These files give days without a year (as TikTok writes them) and nothing tells the year: neither the file name nor a ZIP from TikTok. In which year is the &lt;b&gt;last&lt;/b&gt; row? The earlier rows follow from it, also across New Year.</source>
        <translation>Diese Dateien nennen Tage ohne Jahr (so schreibt TikTok sie), und nichts verrät das Jahr: weder der Dateiname noch eine ZIP-Datei von TikTok. In welchem Jahr liegt die &lt;b&gt;letzte&lt;/b&gt; Zeile? Die früheren Zeilen ergeben sich daraus, auch über den Jahreswechsel.</translation>
    </message>
    <message>
        <source>%1 (last row: %2)</source>
        <translation>%1 (letzte Zeile: %2)</translation>
    </message>
    <message>
        <source>Which account?</source>
        <translation>Welches Konto?</translation>
    </message>
    <message>
        <source>The file names do not say which TikTok account these numbers belong to:
%1</source>
        <translation>Die Dateinamen sagen nicht, zu welchem TikTok-Konto diese Zahlen gehören:
%1</translation>
    </message>
    <message>
        <source>e.g. stadt_musterhausen</source>
        <translation>z. B. stadt_musterhausen</translation>
    </message>
    <message>
        <source>TikTok account (handle):</source>
        <translation>TikTok-Konto (Name):</translation>
    </message>
    <message>
        <source>Link videos to posts</source>
        <translation>Videos Beiträgen zuordnen</translation>
    </message>
    <message>
        <source>These videos from the export are not linked to a post yet. Linked videos count for the comparison by format and audience. Choose the post, create a new draft from the video title, or leave it for later.</source>
        <translation>Diese Videos aus dem Export sind noch keinem Beitrag zugeordnet. Zugeordnete Videos zählen beim Vergleich nach Format und Zielgruppe. Wählen Sie den Beitrag, legen Sie aus dem Videotitel einen neuen Entwurf an oder lassen Sie es für später.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Post for %1</source>
        <translation>Beitrag zu %1</translation>
    </message>
    <message>
        <source>— leave unlinked —</source>
        <translation>— nicht zuordnen —</translation>
    </message>
    <message>
        <source>➕ new post (draft) from this video</source>
        <translation>➕ neuer Beitrag (Entwurf) aus diesem Video</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>One post can show only one video.</source>
        <translation>Ein Beitrag kann nur ein Video zeigen.</translation>
    </message>
    <message>
        <source>Enter a post&apos;s numbers</source>
        <translation>Zahlen eines Beitrags eintragen</translation>
    </message>
    <message>
        <source>For teams without TikTok&apos;s export: type in what the app shows under the video. Empty fields stay unknown (not 0). A later entry for the same day replaces this one.</source>
        <translation>Für Teams ohne TikTok-Export: Tragen Sie ein, was die App unter dem Video anzeigt. Leere Felder bleiben unbekannt (nicht 0). Ein späterer Eintrag für denselben Tag ersetzt diesen.</translation>
    </message>
    <message>
        <source>&amp;Post:</source>
        <translation>&amp;Beitrag:</translation>
    </message>
    <message>
        <source>As of (&amp;day):</source>
        <translation>Stand (&amp;Tag):</translation>
    </message>
    <message>
        <source>&amp;Views:</source>
        <translation>&amp;Aufrufe:</translation>
    </message>
    <message>
        <source>&amp;Likes:</source>
        <translation>&amp;Likes:</translation>
    </message>
    <message>
        <source>&amp;Comments:</source>
        <translation>&amp;Kommentare:</translation>
    </message>
    <message>
        <source>&amp;Shares:</source>
        <translation>&amp;Shares:</translation>
    </message>
    <message>
        <source>&amp;Favourites:</source>
        <translation>&amp;Favoriten:</translation>
    </message>
    <message>
        <source>There are no posts yet. Create the post under Posts &amp; clearance first.</source>
        <translation>Es gibt noch keine Beiträge. Legen Sie den Beitrag zuerst unter „Beiträge &amp; Freigabe“ an.</translation>
    </message>
    <message>
        <source>Peer account</source>
        <translation>Vergleichskonto</translation>
    </message>
    <message>
        <source>Likes (optional)</source>
        <translation>Likes (optional)</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hinzufü&amp;gen</translation>
    </message>
    <message>
        <source>Delete entr&amp;y</source>
        <translation>Eintrag &amp;löschen</translation>
    </message>
    <message>
        <source>Peer account entries</source>
        <translation>Einträge der Vergleichskonten</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 28 days</source>
        <translation>Letzte 28 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Import the ZIP files TikTok offers under Analytics → Download data</source>
        <translation>Die ZIP-Dateien importieren, die TikTok unter Analysen → Daten herunterladen anbietet</translation>
    </message>
    <message>
        <source>&amp;Link videos…</source>
        <translation>&amp;Videos zuordnen…</translation>
    </message>
    <message>
        <source>Type in a post&apos;s numbers by hand</source>
        <translation>Zahlen eines Beitrags von Hand eintragen</translation>
    </message>
    <message>
        <source>Numbers as &amp;tables</source>
        <translation>Zahlen als &amp;Tabellen</translation>
    </message>
    <message>
        <source>Show every chart as a table (for screen readers and exact values)</source>
        <translation>Jedes Diagramm als Tabelle zeigen (für Screenreader und genaue Werte)</translation>
    </message>
    <message>
        <source>Acco&amp;unt:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>I&amp;mportieren…</translation>
    </message>
    <message>
        <source>Enter num&amp;bers…</source>
        <translation>Zahlen &amp;eintragen…</translation>
    </message>
    <message>
        <source>Recruitin&amp;g</source>
        <translation>&amp;Recruiting</translation>
    </message>
    <message>
        <source>Record applications naming TikTok and career link clicks per month</source>
        <translation>Bewerbungen mit Quelle TikTok und Klicks auf den Karriere-Link je Monat erfassen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No analytics data yet&lt;/h2&gt;&lt;p&gt;Import the files TikTok lets you download – in TikTok Studio under &lt;i&gt;Analytics → Download data&lt;/i&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Overview_…zip&lt;/b&gt; – views, likes, comments, shares per day&lt;/li&gt;&lt;li&gt;&lt;b&gt;Followers_…zip&lt;/b&gt; – followers per day, gender and regions&lt;/li&gt;&lt;li&gt;&lt;b&gt;Content_…zip&lt;/b&gt; – numbers per video&lt;/li&gt;&lt;li&gt;or the overview from &lt;b&gt;TikTok Business Suite&lt;/b&gt; (.xlsx/.csv)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Drag the files onto this window or use &lt;i&gt;File → Import → TikTok analytics…&lt;/i&gt; – without exports you can type in a post&apos;s numbers by hand.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Analysedaten&lt;/h2&gt;&lt;p&gt;Importieren Sie die Dateien, die TikTok zum Herunterladen anbietet – in TikTok Studio unter &lt;i&gt;Analysen → Daten herunterladen&lt;/i&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Overview_…zip&lt;/b&gt; – Aufrufe, Likes, Kommentare, Shares pro Tag&lt;/li&gt;&lt;li&gt;&lt;b&gt;Followers_…zip&lt;/b&gt; – Follower pro Tag, Geschlecht und Regionen&lt;/li&gt;&lt;li&gt;&lt;b&gt;Content_…zip&lt;/b&gt; – Zahlen pro Video&lt;/li&gt;&lt;li&gt;oder die Übersicht aus der &lt;b&gt;TikTok Business Suite&lt;/b&gt; (.xlsx/.csv)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Ziehen Sie die Dateien auf dieses Fenster oder nutzen Sie &lt;i&gt;Datei → Importieren → TikTok-Analysedaten…&lt;/i&gt; – ohne Exporte können Sie die Zahlen eines Beitrags auch von Hand eintragen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import TikTok files…</source>
        <translation>TikTok-Dateien importieren…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Ordner importieren…</translation>
    </message>
    <message>
        <source>Enter numbers by hand…</source>
        <translation>Zahlen von Hand eintragen…</translation>
    </message>
    <message>
        <source>Record recruiting figures…</source>
        <translation>Recruiting-Zahlen erfassen…</translation>
    </message>
    <message>
        <source>TikTok &amp;analytics…</source>
        <translation>TikTok-&amp;Analysedaten…</translation>
    </message>
    <message>
        <source>Import TikTok&apos;s analytics downloads (ZIP, CSV, XLSX)</source>
        <translation>TikToks Analyse-Downloads importieren (ZIP, CSV, XLSX)</translation>
    </message>
    <message>
        <source>TikTok analytics from a &amp;folder…</source>
        <translation>TikTok-Analysedaten aus &amp;Ordner…</translation>
    </message>
    <message>
        <source>no account yet</source>
        <translation>noch kein Konto</translation>
    </message>
    <message>
        <source>&amp;Link videos (%1)…</source>
        <translation>&amp;Videos zuordnen (%1)…</translation>
    </message>
    <message>
        <source>Followers %1 (%2)</source>
        <translation>Follower %1 (%2)</translation>
    </message>
    <message>
        <source>Followers %1</source>
        <translation>Follower %1</translation>
    </message>
    <message>
        <source>Views %1</source>
        <translation>Aufrufe %1</translation>
    </message>
    <message>
        <source>Likes + comments + shares %1</source>
        <translation>Likes + Kommentare + Shares %1</translation>
    </message>
    <message>
        <source>Posts %1, typical engagement rate %2</source>
        <translation>Beiträge %1, typische Interaktionsrate %2</translation>
    </message>
    <message>
        <source>Import TikTok analytics</source>
        <translation>TikTok-Analysedaten importieren</translation>
    </message>
    <message>
        <source>TikTok exports (%1);;All files (*)</source>
        <translation>TikTok-Exporte (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Folder with TikTok exports</source>
        <translation>Ordner mit TikTok-Exporten</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>Die Datenbank ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Reading the TikTok files…</source>
        <translation>TikTok-Dateien werden gelesen…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source>TikTok analytics imported: %1 new, %2 changed.</source>
        <translation>TikTok-Analysedaten importiert: %1 neu, %2 geändert.</translation>
    </message>
    <message>
        <source>Link videos</source>
        <translation>Videos zuordnen</translation>
    </message>
    <message>
        <source>Every imported video is linked.</source>
        <translation>Alle importierten Videos sind zugeordnet.</translation>
    </message>
    <message>
        <source>Recruiting (typed in by the team)</source>
        <translation>Recruiting (vom Team erfasst)</translation>
    </message>
    <message>
        <source>Per month and account: applications that name TikTok as their source and clicks on the careers link in the bio (from your applicant system and the link shortener). The management report shows them beside reach.</source>
        <translation>Je Monat und Konto: Bewerbungen, die TikTok als Quelle nennen, und Klicks auf den Karriere-Link in der Bio (aus Ihrem Bewerbermanagement und dem Link-Kürzer). Der Management-Bericht zeigt sie neben der Reichweite.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Bewerbungen</translation>
    </message>
    <message>
        <source>Career link clicks</source>
        <translation>Klicks Karriere-Link</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>Recruiting figures</source>
        <translation>Recruiting-Zahlen</translation>
    </message>
    <message>
        <source>Applications naming TikTok</source>
        <translation>Bewerbungen mit Quelle TikTok</translation>
    </message>
    <message>
        <source>No recruiting figures yet: record the first month above.</source>
        <translation>Noch keine Recruiting-Zahlen: erfassen Sie oben den ersten Monat.</translation>
    </message>
    <message>
        <source>Recruiting</source>
        <translation>Recruiting</translation>
    </message>
    <message>
        <source>Please name the account (the TikTok handle).</source>
        <translation>Bitte das Konto angeben (den TikTok-Namen).</translation>
    </message>
    <message>
        <source>Please type a whole number (or leave the field empty).</source>
        <translation>Bitte eine ganze Zahl eingeben (oder das Feld leer lassen).</translation>
    </message>
</context>
</TS>
