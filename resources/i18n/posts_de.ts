<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add person to the video</source>
        <translation>Person zum Video hinzufügen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>e.g. 0:05–0:12 at the counter, face visible</source>
        <translation>z. B. 0:05–0:12 am Schalter, Gesicht erkennbar</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>&amp;Scene:</source>
        <translation>&amp;Szene:</translation>
    </message>
    <message>
        <source>Not in the list? Add the person on the „People &amp; consent“ tab first.</source>
        <translation>Nicht in der Liste? Die Person zuerst im Reiter „Personen &amp; Einwilligungen“ anlegen.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve post</source>
        <translation>Beitrag freigeben</translation>
    </message>
    <message>
        <source>You approve „%1“ as %2. The approval is revoked automatically if the post, its checklist or its people change afterwards.</source>
        <translation>Sie geben „%1“ als %2 frei. Die Freigabe wird automatisch zurückgezogen, wenn sich danach der Beitrag, seine Checkliste oder die Personen ändern.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&amp;Comment (optional):</source>
        <translation>&amp;Kommentar (optional):</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>Ausgewählter Punkt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>What was checked, where is the evidence</source>
        <translation>Was wurde geprüft, wo liegt der Nachweis</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Reason for overriding the warning</source>
        <translation>Begründung für das Überstimmen der Warnung</translation>
    </message>
    <message>
        <source>Why it may go out anyway (no names)</source>
        <translation>Warum der Beitrag trotzdem erscheinen darf (keine Namen)</translation>
    </message>
    <message>
        <source>&amp;Override reason:</source>
        <translation>&amp;Begründung (überstimmen):</translation>
    </message>
    <message>
        <source>Section: all in order…</source>
        <translation>Abschnitt: alles in Ordnung …</translation>
    </message>
    <message>
        <source>Sets every hand-checked item of this section to OK after showing them; computed items are never touched.</source>
        <translation>Setzt nach einer Rückfrage, die sie auflistet, alle von Hand zu prüfenden Punkte dieses Abschnitts auf „In Ordnung“; berechnete Punkte bleiben unberührt.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>(%n blocking)</source>
        <translation>
            <numerusform>(%n blockiert)</numerusform>
            <numerusform>(%n blockieren)</numerusform>
        </translation>
    </message>
    <message>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>überstimmt</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>Legal basis: %1</source>
        <translation>Grundlage: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Set by %1 on %2</source>
        <translation>Gesetzt von %1 am %2</translation>
    </message>
    <message>
        <source>Select an item to see its help and set its state.</source>
        <translation>Einen Punkt auswählen, um Hilfe zu sehen und den Zustand zu setzen.</translation>
    </message>
    <message>
        <source>Blocking: the post cannot be approved while this is open or an issue.</source>
        <translation>Blockierend: Solange dieser Punkt offen ist oder ein Problem hat, kann der Beitrag nicht freigegeben werden.</translation>
    </message>
    <message>
        <source>Warning: must be OK, or overridden with a written reason (goes into the audit log).</source>
        <translation>Warnung: muss in Ordnung sein oder mit schriftlicher Begründung überstimmt werden (wird protokolliert).</translation>
    </message>
    <message>
        <source>Computed from the people in the video and their consent records — it cannot be ticked by hand.</source>
        <translation>Wird aus den Personen im Video und ihren Einwilligungen berechnet – kann nicht von Hand abgehakt werden.</translation>
    </message>
</context>
<context>
    <name>PostDetailPanel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Freigabe-Prüfung</translation>
    </message>
    <message>
        <source>Submit for &amp;review</source>
        <translation>Zur &amp;Prüfung geben</translation>
    </message>
    <message>
        <source>Back to &amp;draft</source>
        <translation>Zurück zum &amp;Entwurf</translation>
    </message>
    <message>
        <source>Ap&amp;prove</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;voke approval…</source>
        <translation>Freigabe &amp;zurückziehen…</translation>
    </message>
    <message>
        <source>Mark as p&amp;ublished…</source>
        <translation>Als &amp;veröffentlicht markieren…</translation>
    </message>
    <message>
        <source>Mark as &amp;taken down…</source>
        <translation>Als offline &amp;genommen markieren…</translation>
    </message>
    <message>
        <source>Why approving or publishing is not possible</source>
        <translation>Warum Freigeben oder Veröffentlichen nicht möglich ist</translation>
    </message>
    <message>
        <source>Parts of the post</source>
        <translation>Teile des Beitrags</translation>
    </message>
    <message>
        <source>Detail&amp;s</source>
        <translation>D&amp;etails</translation>
    </message>
    <message>
        <source>Add pe&amp;rson…</source>
        <translation>Person hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>People in the vi&amp;deo</source>
        <translation>Personen im &amp;Video</translation>
    </message>
    <message>
        <source>Chec&amp;klist</source>
        <translation>Check&amp;liste</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>Ve&amp;rlauf</translation>
    </message>
    <message>
        <source>People in the video</source>
        <translation>Personen im Video</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Edit &amp;scene…</source>
        <translation>&amp;Szene bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Shown as…</source>
        <translation>&amp;Darstellung …</translation>
    </message>
    <message>
        <source>Take &amp;out of this video</source>
        <translation>Aus dem Video &amp;herausnehmen</translation>
    </message>
    <message>
        <source>Consent &amp;form…</source>
        <translation>Einwilligungs&amp;formular…</translation>
    </message>
    <message>
        <source>The consent state is derived from the consent records on the „People &amp; consent“ tab — never ticked by hand.</source>
        <translation>Der Einwilligungsstatus wird aus den Einwilligungen im Reiter „Personen &amp; Einwilligungen“ berechnet – nie von Hand abgehakt.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>✔ Approved by %1 on %2</source>
        <translation>✔ Freigegeben von %1 am %2</translation>
    </message>
    <message>
        <source>✖ Approval by %1 revoked on %2: %3</source>
        <translation>✖ Freigabe von %1 zurückgezogen am %2: %3</translation>
    </message>
    <message>
        <source>Not approved yet. Author: %1 — approval needs a second person (four eyes).</source>
        <translation>Noch nicht freigegeben. Autor:in: %1 – freigeben muss eine zweite Person (Vier-Augen-Prinzip).</translation>
    </message>
    <message>
        <source>Take the video offline (TikTok) – consent no longer holds:</source>
        <translation>Video auf TikTok offline nehmen – die Einwilligung trägt nicht mehr:</translation>
    </message>
    <message>
        <source>„Approve“ is not possible because:</source>
        <translation>„Freigeben“ ist nicht möglich, weil:</translation>
    </message>
    <message>
        <source>Double-click: go to the first open item</source>
        <translation>Doppelklick: zum ersten offenen Punkt</translation>
    </message>
    <message>
        <source>„Mark as published“ is not possible because:</source>
        <translation>„Als veröffentlicht markieren“ ist nicht möglich, weil:</translation>
    </message>
    <message>
        <source>Overridden warnings:</source>
        <translation>Überstimmte Warnungen:</translation>
    </message>
    <message>
        <source>Nothing blocks this post.</source>
        <translation>Nichts blockiert diesen Beitrag.</translation>
    </message>
    <message>
        <source>(minor, %1)</source>
        <translation>(minderjährig, %1)</translation>
    </message>
</context>
<context>
    <name>PostForm</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Tit&amp;le:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Cap&amp;tion:</source>
        <translation>Beschreib&amp;ung:</translation>
    </message>
    <message>
        <source>Hashta&amp;gs:</source>
        <translation>Ha&amp;shtags:</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>For the team only: never published, not in the calendar export.</source>
        <translation>Nur für das Team: wird nie veröffentlicht und steht nicht im Kalender-Export.</translation>
    </message>
    <message>
        <source>Note (internal):</source>
        <translation>Notiz (intern):</translation>
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
        <source>Audience:</source>
        <translation>Zielgruppe:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Every consent of a person in the video must cover this purpose.</source>
        <translation>Jede Einwilligung einer Person im Video muss diesen Zweck abdecken.</translation>
    </message>
    <message>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
    <message>
        <source>Pu&amp;rpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>&amp;Checkliste:</translation>
    </message>
    <message>
        <source>Acco&amp;unt:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>TikTok link:</source>
        <translation>TikTok-Link:</translation>
    </message>
    <message>
        <source>planned for</source>
        <translation>geplant am</translation>
    </message>
    <message>
        <source>Has a planned time</source>
        <translation>Hat einen geplanten Termin</translation>
    </message>
    <message>
        <source>Planned publishing time</source>
        <translation>Geplanter Veröffentlichungstermin</translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation>Veröffentlichen:</translation>
    </message>
    <message>
        <source>Checklist profile</source>
        <translation>Checklisten-Profil</translation>
    </message>
    <message>
        <source>Which checklist applies: general, police, theatre or your organisation&apos;s own.</source>
        <translation>Welche Checkliste gilt: Allgemein, Polizei, Theater oder die Ihrer Organisation.</translation>
    </message>
    <message>
        <source>Music source</source>
        <translation>Musikquelle</translation>
    </message>
    <message>
        <source>e.g. TikTok Commercial Music Library: title</source>
        <translation>z. B. TikTok Commercial Music Library: Titel</translation>
    </message>
    <message>
        <source>&amp;Music:</source>
        <translation>&amp;Musik:</translation>
    </message>
    <message>
        <source>Paid promotion (Promote / ads)</source>
        <translation>Bezahlte Reichweite (Promote / Anzeigen)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>TikTok link</source>
        <translation>TikTok-Link</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>PostTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Freigabe-Prüfung</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor:in</translation>
    </message>
    <message>
        <source>Created from idea #%1</source>
        <translation>Aus Idee #%1 entstanden</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Freigegeben von %1</translation>
    </message>
</context>
<context>
    <name>PostsTab</name>
    <message>
        <source>&amp;New post…</source>
        <translation>&amp;Neuer Beitrag…</translation>
    </message>
    <message>
        <source>Search title or author</source>
        <translation>Titel oder Autor:in suchen</translation>
    </message>
    <message>
        <source>Ne&amp;w post…</source>
        <translation>Neuer Beitra&amp;g…</translation>
    </message>
    <message>
        <source>Search posts</source>
        <translation>Beiträge suchen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>Alle Beiträge</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Select a post on the left, or create one with „New post…“. Ideas become posts with „Turn into post“ on the Ideas tab.</source>
        <translation>Mit „Neuer Beitrag…“ legen Sie einen Beitrag an; aus einer Idee wird im Reiter „Ideen“ mit „In Beitrag umwandeln“ einer. Einen vorhandenen Beitrag wählen Sie links aus.</translation>
    </message>
    <message>
        <source>Open the organisation&apos;s &amp;checklist folder</source>
        <translation>&amp;Checklisten-Ordner der Organisation öffnen</translation>
    </message>
    <message>
        <source>Put your own checklist files here (copy general.toml and adapt it). They replace the shipped ones.</source>
        <translation>Eigene Checklisten-Dateien hier ablegen (general.toml kopieren und anpassen). Sie ersetzen die mitgelieferten.</translation>
    </message>
    <message>
        <source>%1 of %2 posts · %3 blocked</source>
        <translation>%1 von %2 Beiträgen · %3 blockiert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The details of „%1“ were changed but not saved. Discard the changes?</source>
        <translation>Die Angaben zu „%1“ wurden geändert, aber nicht gespeichert. Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Save post</source>
        <translation>Beitrag speichern</translation>
    </message>
    <message>
        <source>Saved. The approval was revoked because the post changed.</source>
        <translation>Gespeichert. Die Freigabe wurde zurückgezogen, weil sich der Beitrag geändert hat.</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Zur Prüfung geben</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Zurück zum Entwurf</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Revoke approval</source>
        <translation>Freigabe zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation>Als veröffentlicht markieren</translation>
    </message>
    <message>
        <source>Mark as taken down</source>
        <translation>Als offline genommen markieren</translation>
    </message>
    <message>
        <source>Taken down &amp;on:</source>
        <translation>Entfernt &amp;am:</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Everyone in the registry is already in this video. Add new people on the „People &amp; consent“ tab.</source>
        <translation>Alle Personen aus dem Verzeichnis sind bereits in diesem Video. Neue Personen im Reiter „Personen &amp; Einwilligungen“ anlegen.</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>&amp;Scene:</source>
        <translation>&amp;Szene:</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Person entfernen</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>The approval was revoked because the checklist changed.</source>
        <translation>Die Freigabe wurde zurückgezogen, weil sich die Checkliste geändert hat.</translation>
    </message>
    <message>
        <source>Every item of this section is already OK.</source>
        <translation>Alle Punkte dieses Abschnitts sind bereits in Ordnung.</translation>
    </message>
    <message numerus="yes">
        <source>Set these %n items to OK? Each is recorded in the history.</source>
        <translation>
            <numerusform>Diesen %n Punkt auf „In Ordnung“ setzen? Er wird im Verlauf festgehalten.</numerusform>
            <numerusform>Diese %n Punkte auf „In Ordnung“ setzen? Jeder wird im Verlauf festgehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section: all in order</source>
        <translation>Abschnitt: alles in Ordnung</translation>
    </message>
    <message>
        <source>Checklist folder</source>
        <translation>Checklisten-Ordner</translation>
    </message>
    <message>
        <source>Turn into post</source>
        <translation>In Beitrag umwandeln</translation>
    </message>
    <message>
        <source>This idea already has a post. Open that post?

Yes: open the existing post. No: make a second post from the idea.</source>
        <translation>Zu dieser Idee gibt es schon einen Beitrag. Diesen Beitrag öffnen?

Ja: den vorhandenen Beitrag öffnen. Nein: einen zweiten Beitrag aus der Idee anlegen.</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Mark as published</source>
        <translation>Als veröffentlicht markieren</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>Veröffentlicht am</translation>
    </message>
    <message>
        <source>Published &amp;at:</source>
        <translation>Veröffentlicht &amp;am:</translation>
    </message>
    <message>
        <source>TikTok link</source>
        <translation>TikTok-Link</translation>
    </message>
    <message>
        <source>TikTok &amp;link:</source>
        <translation>TikTok-&amp;Link:</translation>
    </message>
</context>
<context>
    <name>ShownAsDialog</name>
    <message>
        <source>How the person is shown</source>
        <translation>Wie die Person gezeigt wird</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>VideoBox</name>
    <message>
        <source>Checking the video file…</source>
        <translation>Videodatei wird geprüft…</translation>
    </message>
    <message>
        <source>Final video file</source>
        <translation>Endgültige Videodatei</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.m4v);;All files (*)</source>
        <translation>Videos (*.mp4 *.mov *.m4v);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Final video…</source>
        <translation>Endgültiges Vide&amp;o…</translation>
    </message>
    <message>
        <source>Bind the post to its final video file (path, size, SHA-256; not copied). A different file revokes the approval; a moved file can be pointed to again.</source>
        <translation>Den Beitrag an seine endgültige Videodatei binden (Pfad, Größe, SHA-256; nicht kopiert). Eine andere Datei zieht die Freigabe zurück; eine verschobene Datei kann neu zugeordnet werden.</translation>
    </message>
    <message>
        <source>Final video: none bound yet.</source>
        <translation>Endgültiges Video: noch keines zugeordnet.</translation>
    </message>
    <message>
        <source>Final video: %1 (%2, SHA-256 %3…)</source>
        <translation>Endgültiges Video: %1 (%2, SHA-256 %3…)</translation>
    </message>
    <message>
        <source>Final video</source>
        <translation>Endgültiges Video</translation>
    </message>
    <message>
        <source>A different video file: the approval was revoked, the post is back in review.</source>
        <translation>Eine andere Videodatei: die Freigabe wurde zurückgezogen, der Beitrag ist wieder in Prüfung.</translation>
    </message>
</context>
</TS>
