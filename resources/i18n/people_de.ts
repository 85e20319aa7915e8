<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Who consents</source>
        <translation>Wer willigt ein</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Erteilt von</translation>
    </message>
    <message>
        <source>Given &amp;by:</source>
        <translation>Erteilt &amp;von:</translation>
    </message>
    <message>
        <source>Custodian&apos;s name</source>
        <translation>Name der/des Sorgeberechtigten</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>Custodian (name, relationship):</source>
        <translation>Sorgeberechtigte:r (Name, Verhältnis):</translation>
    </message>
    <message>
        <source>Scope (each ticked separately)</source>
        <translation>Umfang (jeweils einzeln angekreuzt)</translation>
    </message>
    <message>
        <source>Platforms:</source>
        <translation>Plattformen:</translation>
    </message>
    <message>
        <source>Purposes:</source>
        <translation>Zwecke:</translation>
    </message>
    <message>
        <source>May be shown with:</source>
        <translation>Darf gezeigt werden mit:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>review on</source>
        <translation>überprüfen am</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>on</source>
        <translation>am</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Eingeholt von</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>by</source>
        <translation>von</translation>
    </message>
    <message>
        <source>at</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation>Eingeholt:</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Reason for the other form</source>
        <translation>Grund für die sonstige Form</translation>
    </message>
    <message>
        <source>reason, if „other“</source>
        <translation>Grund, wenn „Sonstige“</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Consent text version:</source>
        <translation>Version Einwilligungstext:</translation>
    </message>
    <message>
        <source>Signed document</source>
        <translation>Unterschriebenes Dokument</translation>
    </message>
    <message>
        <source>file number and storage place</source>
        <translation>Aktenzeichen und Ablageort</translation>
    </message>
    <message>
        <source>Signed &amp;document:</source>
        <translation>Unterschriebenes &amp;Dokument:</translation>
    </message>
    <message>
        <source>Consent text version</source>
        <translation>Version des Einwilligungstexts</translation>
    </message>
    <message>
        <source>Art. 13 notice version</source>
        <translation>Version der Art.-13-Information</translation>
    </message>
    <message>
        <source>Art. 13 notice:</source>
        <translation>Art.-13-Information:</translation>
    </message>
    <message>
        <source>Staff: confirmed that refusing has no disadvantage</source>
        <translation>Beschäftigte: bestätigt, dass eine Ablehnung keine Nachteile hat</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <source>Impact of the withdrawal</source>
        <translation>Auswirkungen des Widerrufs</translation>
    </message>
    <message>
        <source>Posts showing %1: %2 · can no longer be published: %3 · to take down now: %4</source>
        <translation>Beiträge mit %1: %2 · dürfen nicht mehr veröffentlicht werden: %3 · jetzt zu entfernen: %4</translation>
    </message>
    <message>
        <source>%1 approvals were revoked.</source>
        <translation>%1 Freigaben wurden zurückgezogen.</translation>
    </message>
    <message>
        <source>Posts affected by the withdrawal</source>
        <translation>Vom Widerruf betroffene Beiträge</translation>
    </message>
</context>
<context>
    <name>PaperworkPanel</name>
    <message>
        <source>A numbered form (PDF, A4) prefilled with the person, scope and period, with the Art. 13 information and a QR code.</source>
        <translation>Ein nummeriertes Formular (PDF, A4), vorausgefüllt mit Person, Umfang und Zeitraum, mit den Informationen nach Art. 13 DSGVO und einem QR-Code.</translation>
    </message>
    <message>
        <source>Type or scan the form number: the prefilled consent records open to confirm.</source>
        <translation>Formularnummer eintippen oder scannen: die vorausgefüllten Einwilligungen öffnen sich zur Bestätigung.</translation>
    </message>
    <message>
        <source>Signed scans of the selected consent record</source>
        <translation>Unterschriebene Scans der gewählten Einwilligung</translation>
    </message>
    <message>
        <source>Drop a signed scan (PDF, JPG, PNG, at most 20 MB) here to attach it to the selected consent record.</source>
        <translation>Einen unterschriebenen Scan (PDF, JPG, PNG, höchstens 20 MB) hierher ziehen, um ihn der gewählten Einwilligung beizufügen.</translation>
    </message>
    <message>
        <source>Add signed &amp;scan…</source>
        <translation>Unterschriebenen &amp;Scan hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>%1 (%2, %3) – added %4 by %5</source>
        <translation>%1 (%2, %3) – hinzugefügt %4 von %5</translation>
    </message>
    <message>
        <source>Signed scan</source>
        <translation>Unterschriebener Scan</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>Kein Programm ist eingerichtet, um %1 zu öffnen.</translation>
    </message>
    <message>
        <source>Signed form returned</source>
        <translation>Unterschriebenes Formular zurück</translation>
    </message>
    <message>
        <source>Save consent form</source>
        <translation>Einwilligungsformular speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Consent form %1.pdf</source>
        <translation>Einwilligung %1.pdf</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Einwilligungsformular</translation>
    </message>
    <message>
        <source>Form %1 written to %2. When it comes back signed, type or scan its number under “Signed form returned…”.</source>
        <translation>Formular %1 gespeichert unter %2. Wenn es unterschrieben zurückkommt, die Nummer unter „Unterschriebenes Formular zurück…“ eintippen oder scannen.</translation>
    </message>
    <message>
        <source>Add signed scan</source>
        <translation>Unterschriebenen Scan hinzufügen</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Form number (type it, or scan the QR code into this field):</source>
        <translation>Formularnummer (eintippen oder den QR-Code in dieses Feld scannen):</translation>
    </message>
    <message>
        <source>Forms and signed scans</source>
        <translation>Formulare und unterschriebene Scans</translation>
    </message>
    <message>
        <source>Prin&amp;t consent form…</source>
        <translation>Einwilligungsformular d&amp;rucken…</translation>
    </message>
    <message>
        <source>Si&amp;gned form returned…</source>
        <translation>Unterschriebenes Formular &amp;zurück…</translation>
    </message>
    <message>
        <source>Every signature of form %1 is already recorded.</source>
        <translation>Alle Unterschriften von Formular %1 sind bereits erfasst.</translation>
    </message>
    <message>
        <source>Form %1: confirm the consent of %2</source>
        <translation>Formular %1: Einwilligung von %2 bestätigen</translation>
    </message>
</context>
<context>
    <name>PeopleRegister</name>
    <message>
        <source>Import consent register</source>
        <translation>Einwilligungsregister importieren</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Tabellen (*.xlsx *.xlsm *.xls *.ods *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import consent register – preview</source>
        <translation>Einwilligungsregister importieren – Vorschau</translation>
    </message>
    <message>
        <source>Export consent register</source>
        <translation>Einwilligungsregister exportieren</translation>
    </message>
    <message>
        <source>The file will contain personal data of everyone in the register, minors included. Save it only where authorised colleagues can read it, do not send it by e-mail, and delete it after use. Continue?</source>
        <translation>Die Datei enthält personenbezogene Daten aller Personen im Register, auch von Minderjährigen. Speichern Sie sie nur dort, wo berechtigte Kolleg:innen sie lesen können, verschicken Sie sie nicht per E-Mail und löschen Sie sie nach Gebrauch. Fortfahren?</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1 …</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message>
        <source>%1 rows written to %2. The file contains personal data.</source>
        <translation>%1 Zeilen nach %2 geschrieben. Die Datei enthält personenbezogene Daten.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Read the consent register you keep in Excel/CSV; you see a preview first.</source>
        <translation>Das Einwilligungsregister aus Excel/CSV einlesen; zuerst sehen Sie eine Vorschau.</translation>
    </message>
    <message>
        <source>Write every consent as Excel/CSV (contains personal data).</source>
        <translation>Alle Einwilligungen als Excel/CSV schreiben (enthält personenbezogene Daten).</translation>
    </message>
    <message>
        <source>Search name or category</source>
        <translation>Name oder Kategorie suchen</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Personen suchen</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Select a person on the left, or add one with „New person…“.</source>
        <translation>Mit „Neue Person…“ legen Sie eine Person an, mit „Register importieren…“ übernehmen Sie ein vorhandenes Einwilligungsregister. Eine erfasste Person wählen Sie links aus.</translation>
    </message>
    <message>
        <source>Person details</source>
        <translation>Angaben zur Person</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Einwilligungen</translation>
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
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>approval is revoked</source>
        <translation>Freigabe wird widerrufen</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>The name is replaced by „[gelöscht]“ in these %1 texts:</source>
        <translation>Der Name wird in diesen %1 Texten durch „[gelöscht]“ ersetzt:</translation>
    </message>
    <message>
        <source>Erase person (Art. 17 GDPR)</source>
        <translation>Person löschen (Art. 17 DSGVO)</translation>
    </message>
    <message>
        <source>Erase „%1“ for good?

The consent records and the name are deleted; the person stays in %2 posts as „Person erased“, and the name is removed from their texts. Audit entries keep the event without the name. This cannot be undone — export the data first if the person asked for a copy.</source>
        <translation>„%1“ endgültig löschen?

Die Einwilligungen und der Name werden gelöscht; in %2 Beiträgen bleibt die Person als „Person gelöscht“, und der Name wird aus deren Texten entfernt. Protokolleinträge behalten das Ereignis ohne den Namen. Das lässt sich nicht rückgängig machen – wenn die Person eine Kopie verlangt hat, vorher exportieren.</translation>
    </message>
    <message>
        <source>ZIP archive with workbook and signed forms</source>
        <translation>ZIP-Archiv mit Arbeitsmappe und unterschriebenen Formularen</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Erteilt von</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Record &amp;withdrawal…</source>
        <translation>&amp;Widerruf erfassen…</translation>
    </message>
    <message>
        <source>Posts showing this person</source>
        <translation>Beiträge mit dieser Person</translation>
    </message>
    <message>
        <source>GDPR</source>
        <translation>DSGVO</translation>
    </message>
    <message>
        <source>Art. 15/20 GDPR: consents, posts and audit entries in one workbook.</source>
        <translation>Art. 15/20 DSGVO: Einwilligungen, Beiträge und Protokolleinträge in einer Arbeitsmappe.</translation>
    </message>
    <message>
        <source>Ne&amp;w person…</source>
        <translation>Neue Per&amp;son…</translation>
    </message>
    <message>
        <source>Import regi&amp;ster…</source>
        <translation>Register impor&amp;tieren…</translation>
    </message>
    <message>
        <source>E&amp;xport register…</source>
        <translation>Register e&amp;xportieren…</translation>
    </message>
    <message>
        <source>A&amp;dd consent…</source>
        <translation>Einwilligung &amp;erfassen…</translation>
    </message>
    <message>
        <source>Export ever&amp;ything about this person (.xlsx)…</source>
        <translation>A&amp;lles zu dieser Person exportieren (.xlsx)…</translation>
    </message>
    <message>
        <source>Erase person (Art. 17)…</source>
        <translation>Person löschen (Art. 17)…</translation>
    </message>
    <message>
        <source>%1 people · %2 minors · %3 without valid consent</source>
        <translation>%1 Personen · %2 minderjährig · %3 ohne gültige Einwilligung</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The person&apos;s details were changed but not saved. Discard the changes?</source>
        <translation>Die Angaben zur Person wurden geändert, aber nicht gespeichert. Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Consent for TikTok today: %1</source>
        <translation>Einwilligung für TikTok heute: %1</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <source>This consent does not cover TikTok.</source>
        <translation>Diese Einwilligung umfasst TikTok nicht.</translation>
    </message>
    <message>
        <source>Minor (%1 years, 18 on %2): needs the consent of every custodian (%3) and, from 14, their own.</source>
        <translation>Minderjährig (%1 Jahre, 18 am %2): braucht die Einwilligung aller Sorgeberechtigten (%3) und ab 14 die eigene.</translation>
    </message>
    <message>
        <source>one — sole custody documented</source>
        <translation>eine:r – alleiniges Sorgerecht dokumentiert</translation>
    </message>
    <message>
        <source>two</source>
        <translation>zwei</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Person speichern</translation>
    </message>
    <message>
        <source>New consent record</source>
        <translation>Neue Einwilligung</translation>
    </message>
    <message>
        <source>Edit consent record</source>
        <translation>Einwilligung bearbeiten</translation>
    </message>
    <message>
        <source>Delete consent record</source>
        <translation>Einwilligung löschen</translation>
    </message>
    <message>
        <source>Delete this consent record? Only for records entered by mistake — a person who changes their mind withdraws (Record withdrawal).</source>
        <translation>Diese Einwilligung löschen? Nur für versehentlich erfasste Einträge – wer es sich anders überlegt, widerruft (Widerruf erfassen).</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>Widerruf erfassen</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Personenbezogene Daten exportieren</translation>
    </message>
    <message>
        <source>Saved to %1. It contains personal data — hand it to the person only.</source>
        <translation>Gespeichert unter %1. Die Datei enthält personenbezogene Daten – nur an die betroffene Person herausgeben.</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <source>The person is erased, but another window still holds the database, so SQLite could not yet overwrite the old pages on the disk. Please close the other TikDesk window; the file is cleaned when it closes or at the next erasure.</source>
        <translation>Die Person ist gelöscht, aber ein anderes Fenster hält die Datenbank noch offen; deshalb konnten die alten Seiten auf dem Datenträger noch nicht überschrieben werden. Bitte das andere TikDesk-Fenster schließen – die Datei wird bereinigt, sobald es geschlossen wird, oder bei der nächsten Löschung.</translation>
    </message>
    <message>
        <source>Erased. %1 consent records deleted; %2 posts now show „Person erased“; the name was removed from %3 texts.</source>
        <translation>Gelöscht. %1 Einwilligungen gelöscht; %2 Beiträge zeigen jetzt „Person gelöscht“; der Name wurde aus %3 Texten entfernt.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>minor, born on</source>
        <translation>minderjährig, geboren am</translation>
    </message>
    <message>
        <source>Only for minors: gives the age on the publishing day and the 18th birthday.</source>
        <translation>Nur für Minderjährige: ergibt das Alter am Veröffentlichungstag und den 18. Geburtstag.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>Of age (18 or older) – confirmed</source>
        <translation>Volljährig (18 oder älter) – bestätigt</translation>
    </message>
    <message>
        <source>Of age, confirmed</source>
        <translation>Volljährig, bestätigt</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Alter:</translation>
    </message>
    <message>
        <source>Judged mature enough: own consent needed already</source>
        <translation>Als reif eingeschätzt: eigene Einwilligung schon jetzt nötig</translation>
    </message>
    <message>
        <source>Contact for withdrawal</source>
        <translation>Kontakt für Widerruf</translation>
    </message>
    <message>
        <source>Contact for withdrawa&amp;l:</source>
        <translation>K&amp;ontakt für Widerruf:</translation>
    </message>
    <message>
        <source>Sole c&amp;ustody:</source>
        <translation>Alleiniges Sorgere&amp;cht:</translation>
    </message>
    <message>
        <source>Sole custody</source>
        <translation>Alleiniges Sorgerecht</translation>
    </message>
    <message>
        <source>Only if one parent has sole custody: the evidence (e.g. court order, file number). Then one custodian suffices.</source>
        <translation>Nur bei alleinigem Sorgerecht: der Nachweis (z. B. Beschluss, Aktenzeichen). Dann genügt ein:e Sorgeberechtigte:r.</translation>
    </message>
    <message>
        <source>delete record on</source>
        <translation>Datensatz löschen am</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>A&amp;ufbewahrung:</translation>
    </message>
    <message>
        <source>Taken over from an earlier version as of age – please confirm.</source>
        <translation>Aus einer Vorversion als volljährig übernommen – bitte bestätigen.</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Consent (TikTok, today)</source>
        <translation>Einwilligung (TikTok, heute)</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Delete on</source>
        <translation>Löschen am</translation>
    </message>
    <message>
        <source>18th birthday: %1</source>
        <translation>18. Geburtstag: %1</translation>
    </message>
    <message>
        <source>(minor)</source>
        <translation>(minderjährig)</translation>
    </message>
    <message>
        <source>(due)</source>
        <translation>(fällig)</translation>
    </message>
</context>
<context>
    <name>WithdrawalDialog</name>
    <message>
        <source>Record withdrawal</source>
        <translation>Widerruf erfassen</translation>
    </message>
    <message>
        <source>A withdrawal takes effect for the future: every post showing this person is blocked; published ones must be taken down.</source>
        <translation>Ein Widerruf wirkt für die Zukunft: Jeder Beitrag mit dieser Person wird blockiert; veröffentlichte müssen entfernt werden.</translation>
    </message>
    <message>
        <source>Consents withdrawn</source>
        <translation>Widerrufene Einwilligungen</translation>
    </message>
    <message>
        <source>Withdrawn:</source>
        <translation>Widerrufen:</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Widerrufen am</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;Am:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>persönlich</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>We&amp;g:</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Entgegengenommen von</translation>
    </message>
    <message>
        <source>&amp;Received by:</source>
        <translation>&amp;Entgegengenommen von:</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <source>e.g. video taken down, internal copies deleted</source>
        <translation>z. B. Video entfernt, interne Kopien gelöscht</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>&amp;Was getan wurde:</translation>
    </message>
    <message>
        <source>Posts affected by the withdrawal</source>
        <translation>Vom Widerruf betroffene Beiträge</translation>
    </message>
    <message>
        <source>If you record this withdrawal: %1 posts show the person · can no longer be published: %2 · published, to take down: %3 · approvals revoked: %4</source>
        <translation>Wenn Sie diesen Widerruf erfassen: %1 Beiträge zeigen die Person · können nicht mehr veröffentlicht werden: %2 · veröffentlicht, offline zu nehmen: %3 · Freigaben widerrufen: %4</translation>
    </message>
</context>
</TS>
