# Mediation Atlas — German interface

## mod.rs
app-title = Mediation Atlas
language-name = Deutsch
language = Sprache
problems-banner = Probleme beim Laden der Daten – der Rest wurde geladen
show-problems = Anzeigen
hide-problems = Ausblenden
no-selection-title = Kasachstan als Vermittler
no-selection-hint = Klicken Sie auf einen Ort auf der Karte, um seine Ereignisse und die Artikel dazu zu sehen.
events = Ereignisse
articles = Artikel
no-events = Keine Ereignisse an diesem Ort.
no-articles = Kein Artikel erwähnt diesen Ort.
other-places = Weitere Orte
local-name = Landessprache
back-to-place = ← Zurück
close = Schließen
date-unknown = Datum unbekannt
source-unknown = Quelle unbekannt
export-button = Export
export-size = Größe:
export-save = Speichern
export-tour = Alle Schritte als nummerierte PNG-Dateien speichern (Ordner unter Bilder)
quiz-fullscreen = Vollbild für die Klasse (F5)
fullscreen = Vollbild
export-saved = Gespeichert:
open-folder = Ordner öffnen
quiz = Quiz
quiz-start = ? Quiz
quiz-end = Quiz beenden
quiz-done = Geschafft!
quiz-again = Noch einmal
quiz-click-map = Klicken Sie auf die Karte, wo es war.
quiz-order-hint = Klicken Sie die Ereignisse vom frühesten zum spätesten an.
quiz-right-answer = Richtig!
quiz-wrong-answer = Leider falsch.
quiz-answer = Richtig ist
presenter-notes = Notizen
next-step = Als Nächstes
last-step = (letzter Schritt)
present-keys = Weiter: → ↓ Leertaste Bild↓ Klick · Zurück: ← ↑ Bild↑ · Pos1/Ende · Zahl + Enter: Schritt · N: Notizen · Esc: beenden
present = ▶ Präsentieren
tours = Touren
presenter-window = Mediation Atlas – Notizen
timeline-all = Alle Ereignisse
play = ▶ Abspielen
pause = ❚❚ Anhalten
speed = Tempo
speed-slow = ½ Jahr/s
speed-normal = 1 Jahr/s
speed-fast = 3 Jahre/s
clear-range = ✖ Zeitraum aufheben
undated = ohne Datum
timeline-hint = Ziehen: Zeitraum wählen · Mausrad: zoomen · auf der Zeitachse ziehen: verschieben · Doppelklick: alles zeigen
filters = Filter
clear-filters = ✖ Filter aufheben
processes = Friedensprozesse
kinds = Art des Ereignisses
actors = Beteiligte
mode-venues = Orte der Gespräche
mode-conflicts = Orte der Konflikte
roles = Rollen
no-process = ohne Prozess
lines-legend = Linien
conflict-line = Gespräche → Konflikt
search-hint = Suchen (Strg+F) …
no-results = Nichts gefunden.
step-prev = ◀ Zurück
step-next = Weiter ▶
venue = Ort
sources = Quellen
no-events-in-filter = Keine Ereignisse in diesem Zeitraum oder Filter.
author = Autorin/Autor
reset-view = Gesamtansicht
zoom-in = Vergrößern
zoom-out = Verkleinern
basemap = Grundkarte
basemap-offline = Eingebettet (offline)
basemap-osm = OpenStreetMap (online)
basemap-topo = OpenTopoMap (online)
basemap-file = PMTiles-Datei öffnen …
more = Weitere Befehle
basemap-hint = Die eingebettete Karte braucht kein Netz. Online-Karten werden auf der Festplatte zwischengespeichert; ohne Netz bleibt die eingebettete Karte darunter sichtbar.
pmtiles-title = Eigene Karte (PMTiles)
pmtiles-prompt = Pfad zu einer .pmtiles-Datei mit Rasterkacheln – oder die Datei einfach ins Fenster ziehen:
open = Öffnen
cancel = Abbrechen
event = Ereignis
process = Prozess
participants = Beteiligte
mentions-in-article = Erwähnte Orte
backs-event = Beleg für
help-text =
    Ziehen: Karte verschieben · Mausrad: zoomen · Klick auf Marker: Ort öffnen · Klick auf hervorgehobenen Ort im Text: dorthin fliegen · Pos1: Gesamtansicht · +/−: Zoom · Esc: Auswahl aufheben · Strg+Z / Strg+Umschalt+Z: eigene Änderungen rückgängig / wiederholen

    Ortsverzeichnis: enthält Daten von GeoNames (www.geonames.org), CC BY 4.0. Karte: Natural Earth (gemeinfrei).
coordinates-source = Koordinaten

## tours.rs
tour-add-step = + Als Schritt aufnehmen
tour-add-step-hint = Nimmt die Ansicht, den Zeitraum, die Auswahl und die markierte Textstelle als Schritt Ihrer Tour auf.
tour-editor = Tour bearbeiten
tour-title-de = Titel (deutsch)
tour-title-en = Titel (englisch)
tour-step = Schritt
tour-caption-de = Bildunterschrift (deutsch)
tour-caption-en = Bildunterschrift (englisch)
tour-notes-de = Notizen für Vortragende (deutsch)
tour-notes-en = Notizen für Vortragende (englisch)
tour-notes = Notizen für Vortragende
tour-up = Nach oben
tour-down = Nach unten
tour-delete-step = Schritt entfernen
tour-present-from = ▶ Ab hier vorführen
tour-save = Speichern
tour-close = Schließen
tour-delete-tour = Tour löschen
tour-saved = Tour gespeichert.
tour-edit = Bearbeiten …
tour-unsaved = Wird gespeichert, sobald Sie das Feld verlassen.
tour-all-saved = Alle Änderungen sind gespeichert (Strg+Z macht sie rückgängig).
tour-drag-hint = Ziehen, um den Schritt an eine andere Stelle zu setzen.
tour-preview = Vorschau
tour-preview-hint = Zeigt den Schritt auf der Karte, ohne die Vorführung zu starten.
tour-no-passage = Keine Textstelle.
tour-pick-passage = Textstelle wählen …
tour-clear-passage = Textstelle entfernen
tour-pick-passage-hint = Öffnen Sie einen Artikel, markieren Sie die Stelle mit der Maus und übernehmen Sie sie.
tour-take-passage = Übernehmen
tour-other-article = Anderer Artikel
tour-new-tour = + Neue Tour
tour-new-tour-hint = Der nächste aufgenommene Schritt beginnt eine neue Tour.
tour-new-tour-notice = Neue Tour: Wählen Sie eine Ansicht und nehmen Sie sie mit „+ Als Schritt aufnehmen“ auf.

## events.rs
event-record-title = Ereignis erfassen
event-record-button = Ereignis erfassen …
event-save = Speichern
event-title-de = Titel (deutsch)
event-title-en = Titel (englisch)
event-date = Datum
event-date-end = bis (optional)
event-circa = ca. (ungefähr)
event-date-backwards = Das Ende liegt vor dem Anfang
event-kind = Art
event-process = Friedensprozess
event-no-process = (keiner)
event-new-process = Neuer Prozess …
event-process-name = Name
event-places = Orte
event-venue = Ort des Geschehens
event-make-venue = Zum Ort des Geschehens machen
event-participants = Beteiligte
event-quote = Quelle (wörtlich aus dem Artikel)
event-edit = Bearbeiten …
event-delete = Löschen
event-copy = In meine Bibliothek kopieren
event-own-event = eigenes Ereignis
event-copy-of = Kopie eines mitgelieferten Ereignisses
event-saved = Ereignis gespeichert.
event-deleted = Ereignis gelöscht.

## library.rs
lib-add-button = + Artikel
lib-add-title = Artikel hinzufügen
lib-open-file = Datei öffnen …
lib-paste = Text einfügen
lib-drop-hint = … oder Dateien (Text, Markdown, HTML, PDF) auf das Fenster ziehen.
lib-path-prompt = Oder den Pfad einer Datei eingeben:
lib-paste-hint = Den Text des Artikels hier einfügen (Strg+V):
lib-next = Weiter
lib-title = Titel
lib-source = Quelle
lib-author = Autor/in
lib-date = Datum
lib-date-hint = JJJJ-MM-TT, JJJJ-MM, JJJJ oder „unbekannt“
lib-date-invalid = Kein gültiges Datum
lib-language = Sprache
lib-german = Deutsch
lib-english = Englisch
lib-add = Hinzufügen
lib-skip = Überspringen
lib-loading-gazetteer = Das Ortsverzeichnis wird geladen …
lib-nothing-added = nichts hinzugefügt
lib-your-articles = Eigene Artikel
lib-no-own-articles = Noch keine eigenen Artikel: bringen Sie den Artikel dieser Woche mit.
lib-remove = Entfernen
lib-remove-article = Artikel entfernen …
lib-remove-title = Artikel entfernen?
lib-remove-hint = Der Artikel, seine Ortsnamen und Ihre Prüfung verschwinden aus der Bibliothek. Strg+Z holt ihn zurück.
lib-undo = ↶ Rückgängig
lib-redo = ↷ Wiederholen
lib-nothing-to-undo = Nichts rückgängig zu machen
lib-status-sure = sicher
lib-status-review = unsicher
lib-status-rejected = abgelehnt
lib-review-title = Ortsname prüfen
lib-review-hint = Klicken Sie auf einen Ortsnamen, um ihn zu prüfen; markieren Sie Text mit der Maus, um einen übersehenen Ort zu verknüpfen.
lib-accept = ✔ Stimmt
lib-reject = ✖ Kein Ort
lib-choose = Wählen
lib-candidates = Orte dieses Namens
lib-search = Im Ortsverzeichnis suchen:
lib-on-map = Auf der Karte setzen
lib-link-passage = Mit Ort verknüpfen …
lib-linked-to = Verknüpft mit
lib-not-linked = Nicht verknüpft
lib-inhabitants = Einw.
lib-gazetteer-credit = Ortsverzeichnis: GeoNames (geonames.org), CC BY 4.0
lib-preview = Anfang des Textes
lib-clear-selection = Markierung aufheben
lib-lesson-export = Als Lektion weitergeben …
lib-lesson-export-title = Als Lektion weitergeben
lib-lesson-prompt = Die ganze Bibliothek als eine Datei (.atlas) speichern unter:
lib-lesson-prompt-tour = Diese Tour mit ihren Artikeln, Ereignissen, Orten und Prozessen als eine Datei (.atlas) speichern unter:
lib-browse = Durchsuchen …
lib-lesson-hint = Eine .atlas-Datei öffnet man, indem man sie auf das Fenster zieht oder ihren Pfad unter „+ Artikel“ eingibt.

## network.rs
net-offline = Offline – Kacheln nicht erreichbar, eingebettete Karte wird gezeigt
net-offline-hint = Klicken, um die Kacheln erneut zu laden.
net-custom-menu = Eigener Kachelserver …
net-custom-title = Eigener Kachelserver
net-custom-url = Adresse der Kacheln, mit {"{"}z{"}"}, {"{"}x{"}"} und {"{"}y{"}"} (https:// oder http://):
net-custom-credit = Quellenangabe, die auf der Karte steht:
net-custom-credit-hint = © … (leer: der Name des Servers)
net-custom-explain = Etwa der Kachelserver Ihrer Schule. Geladene Kacheln werden auf der Festplatte zwischengespeichert; ohne Netz bleibt die eingebettete Karte sichtbar.
net-custom-use = Verwenden

## Dates
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-short-1 = Jan.
month-short-2 = Feb.
month-short-3 = März
month-short-4 = Apr.
month-short-5 = Mai
month-short-6 = Juni
month-short-7 = Juli
month-short-8 = Aug.
month-short-9 = Sept.
month-short-10 = Okt.
month-short-11 = Nov.
month-short-12 = Dez.
# The month in a day's date ("8. August 2025"); Russian needs the genitive here.
month-of-1 = Januar
month-of-2 = Februar
month-of-3 = März
month-of-4 = April
month-of-5 = Mai
month-of-6 = Juni
month-of-7 = Juli
month-of-8 = August
month-of-9 = September
month-of-10 = Oktober
month-of-11 = November
month-of-12 = Dezember
date-day = { $day }. { $month } { $year }
date-day-short = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-day-span = { $from }.–{ $to }. { $month } { $year }
date-span = { $from } – { $to }
date-circa = ca. { $date }

## Counts
count-events = { $n ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignisse
}
# "von" takes the dative: "41 von 41 Ereignissen".
shown-of-events = { $shown } von { $total ->
    [one] { $total } Ereignis
   *[other] { $total } Ereignissen
}
count-points = { $n ->
    [one] { $n } Punkt
   *[other] { $n } Punkte
}
count-articles = { $n } Artikel
count-places = { $n ->
    [one] { $n } Ort
   *[other] { $n } Orte
}
count-problems = { $n ->
    [one] { $n } Problem
   *[other] { $n } Probleme
}
lines-only = In { $place } selbst fand kein Ereignis statt. Die Linien führen zu Ereignissen anderswo, an denen { $state } teilnahm ({ $place } steht auf der Karte für den Staat):

## Kinds of events, roles, kinds of places
kind-talks = Gespräche
kind-summit = Gipfel
kind-state-visit = Staatsbesuch
kind-phone-call = Telefonat
kind-agreement = Abkommen
kind-declaration = Erklärung
kind-war = Krieg
kind-statement = Stellungnahme
kind-proposal = Vorschlag
kind-mission = Mission
role-host = Gastgeber
role-mediator = Vermittler
role-party = Partei
role-guarantor = Garant
role-observer = Beobachter
role-participant = Teilnehmer
place-kind-capital = Hauptstadt
place-kind-city = Stadt
place-kind-region = Region
place-kind-site = Ort
place-kind-country = Staat

## Adding articles
import-empty = Die Datei ist leer.
import-binary = Die Datei enthält Binärdaten, keinen Text.
import-too-large = Die Datei ist zu groß ({ $size } MB; höchstens { $limit } MB).
import-no-text-layer = Das PDF hat keine Textebene: gescannte PDFs brauchen zuerst eine Texterkennung (OCR).
import-no-article-text = Die HTML-Seite enthält keinen Artikeltext.
import-unreadable = Die Datei ist nicht lesbar ({ $reason }).
import-io = Die Datei kann nicht geöffnet werden ({ $error }).
note-legacy-encoding = Kodierung { $encoding } erkannt und umgewandelt.
note-replaced = { $n ->
    [one] { $n } unlesbares Zeichen wurde ersetzt.
   *[other] { $n } unlesbare Zeichen wurden ersetzt.
}
note-pages-without-text = Seiten ohne Text: { $pages }.
note-pages-unreadable = Nicht lesbare Seiten: { $pages }.
note-title-from-first-line = Titel aus der ersten Zeile.
note-date-from-dateline = Datum aus der Ortsmarke.
article-added = „{ $title }“ hinzugefügt: { $n ->
    [one] { $n } Ortsname
   *[other] { $n } Ortsnamen
} verknüpft, davon { $review } zu prüfen.
article-duplicate = „{ $title }“ ist schon in Ihrer Bibliothek: nichts hinzugefügt.
draft-of = Datei { $i } von { $n }
place-on-map = Klicken Sie auf die Karte, wo „{ $name }“ liegt (Esc: abbrechen).
undone = Rückgängig gemacht.
redone = Wiederhergestellt.
not-saved = Nicht gespeichert: { $error }. Ihre Bibliothek ist unverändert.

## Lessons
count-tours = { $n ->
    [one] { $n } Tour
   *[other] { $n } Touren
}
count-processes = { $n ->
    [one] { $n } Prozess
   *[other] { $n } Prozesse
}
nothing-new = nichts Neues
lesson-imported = Lektion „{ $title }“ übernommen: { $what }; { $merged } schon vorhanden.
lesson-kept-both = Beide behalten: { $names }.
lesson-saved = Lektion gespeichert: { $path } ({ $what })
history-reset = { $why }. Bearbeitungen früherer Sitzungen lassen sich nicht mehr rückgängig machen; das alte Protokoll wurde beiseitegelegt.
lesson-not-written = { $path }: { $error }. Die Lektion wurde nicht gespeichert.
lesson-refused = { $path }: { $error }. Nichts wurde übernommen.

## Online base maps
tiles-unreachable = Grundkarte: Kacheln von { $host } konnten nicht geladen werden; die eingebettete Karte wird gezeigt.
template-scheme = Die Adresse beginnt mit https:// oder http://.
template-no-host = Nach // fehlt der Name des Servers.
template-space = Eine Adresse enthält keine Leerzeichen.
template-missing = Es fehlt { $missing }: Dort setzt die Karte die Nummern der Kachel ein.

## Tours
pick-passage-for = Textstelle für Schritt { $step } wählen
step-added = Schritt { $n } aufgenommen.

## Dates read from a passage
date-from-words = aus „{ $words }“
date-from-words-and-article = aus „{ $words }“ und dem Artikeldatum { $article }

## Quiz questions
and = und
quiz-where-rounds = Wo fanden ab { $year } die Gespräche über { $about } statt?
quiz-where-event = Wo fand „{ $title }“ ({ $date }) statt?
quiz-which-process = Zu welchem Prozess gehört „{ $title }“?
quiz-which-process-dated = Zu welchem Prozess gehört „{ $title }“ ({ $date })?
quiz-order = Bringen Sie diese Ereignisse in die richtige Reihenfolge – das früheste zuerst.

## Quiz and tours in the panel
quiz-progress = Quiz · { $i } von { $n }
quiz-score = { $right } von { $answered } richtig
quiz-answer-distance = Richtig ist: { $place } · Abstand { $km } km
tour-with-steps = { $title } · { $n ->
    [one] { $n } Schritt
   *[other] { $n } Schritte
}

## Probleme mit den Daten (Datei:Zeile: Fehler: …)
problem-error = Fehler
problem-warning = Warnung
problem-linker = die Ortsnamen können nicht gesucht werden: { $error }
problem-duplicate-id = doppelte ID „{ $id }“ (zuerst in Zeile { $first }); diese wird übersprungen
problem-empty-id = leere ID; der Eintrag wird übersprungen
problem-latitude = { $id }: Breite { $value } liegt außerhalb von −90…90; der Ort wird übersprungen
problem-longitude = { $id }: Länge { $value } liegt außerhalb von −180…180; der Ort wird übersprungen
problem-country-code = { $id }: Land „{ $country }“ ist kein ISO-3166-Alpha-2-Code wie KZ
problem-no-source = { $id }: die Koordinate hat keine Quelle
problem-capital = { $id }: Hauptstadt „{ $capital }“ ist kein Ort dieser Datei
problem-not-a-place = { $what } „{ $id }“ ist kein Ort in places.toml
problem-did-you-mean = (meinten Sie „{ $id }“?)
problem-dropped-with = ({ $n ->
    [one] { $n } Verweis
   *[other] { $n } Verweise
} darauf mit ausgelassen: { $files })
problem-colour = { $id }: Farbe „{ $colour }“ hat nicht die Form #rrggbb; Grau wird verwendet
problem-article-unreadable = { $error } (Artikel „{ $id }“, aufgeführt in { $file } Zeile { $line }); der Artikel wird übersprungen
problem-date-differs = { $id }: Datum { $date } weicht vom Datum { $stated } ab, das der Artikel selbst nennt
problem-date-early = { $id }: Datum { $date } liegt vor 1900
problem-date-future = { $id }: Datum { $date } liegt in der Zukunft
problem-process = { $id }: Prozess „{ $process }“ steht nicht in processes.toml
problem-participant-place = { $id }: Beteiligter „{ $who }“ ist ein Ort, aber kein Staat
problem-participant-unknown = { $id }: Beteiligter „{ $who }“ ist weder ein Staat in places.toml noch ein Akteur in actors.toml
problem-person = { $id }: Person „{ $person }“ steht nicht in actors.toml
problem-no-place = { $id }: kein Ort angegeben, das Ereignis steht an keinem Marker
problem-source-article = { $id }: Artikel „{ $article }“ steht nicht in articles.toml (oder ist nicht lesbar)
problem-quote = { $id }: das Zitat kommt in { $file } nicht vor („{ $quote }“)
problem-unused-place = Ort „{ $id }“ wird von keinem Ereignis genutzt und in keinem Artikel erwähnt
problem-toml-syntax = TOML-Syntax: { $error }; diese Tabelle wird übersprungen
problem-unknown-table = unbekannte Tabelle „{ $name }“: diese Datei enthält nur [[{ $key }]]-Tabellen
problem-not-array = „{ $key }“ muss eine Liste von Tabellen sein, geschrieben [[{ $key }]]
problem-record-skipped = ein [[{ $key }]] übersprungen: { $error }
problem-tour-skipped = ; die Tour wird übersprungen
problem-duplicate-tour = doppelte Tour-ID „{ $id }“ (zuerst in { $file } Zeile { $line }); diese Tour wird übersprungen
problem-tour-no-steps = die Tour hat keinen [[step]]; sie wird übersprungen
problem-tour-no-step-loads = keiner der Schritte der Tour lässt sich laden (siehe oben); sie wird übersprungen
problem-not-a-tour = keine Tour: { $error } (eine Tour beginnt mit id, title_de und title_en); die Datei wird übersprungen
problem-tour-key-empty = { $key } der Tour ist leer; die Tour wird übersprungen
problem-step-skipped = ; der Schritt wird übersprungen
problem-step-no-caption = dem Schritt fehlt { $key }: jeder Schritt braucht eine Bildunterschrift auf Deutsch und Englisch
problem-key-empty = { $key } ist leer
problem-caption-long = { $key } hat { $chars } Zeichen; mehr als { $max } sind von hinten im Raum nicht lesbar, der Rest gehört in die Notizen
problem-step-no-view = der Schritt hat keine Ansicht: geben Sie place, fit_events oder view an
problem-step-two-views = { $second } ist eine zweite Ansicht neben { $first }: nur eines von place, fit_events oder view
problem-fit-events-empty = fit_events nennt kein Ereignis
problem-view-form = view muss [Breite, Länge, Zoom] sein, z. B. [40.0, 45.5, 7.0]
problem-view-range = view: { $what } { $value } liegt außerhalb von { $min }…{ $max }
problem-range-form = range muss aus zwei Daten bestehen, z. B. ["2013-02", "2013-04"]
problem-range-order = range: { $first } liegt nach { $last }; das frühere Datum zuerst
problem-range-unknown = range: ein unbekanntes Datum hat keinen Platz auf der Zeitleiste; range weglassen, um alles zu zeigen
problem-range-date = range: { $error }
problem-not-an-event = { $key }: „{ $id }“ ist kein Ereignis in events.toml
problem-event-outside-range = { $key }: „{ $id }“ ({ $date }) liegt außerhalb des Zeitraums des Schritts, die Zeitleiste blendet es aus
problem-passage-article = passage: Artikel „{ $article }“ steht nicht in articles.toml (oder ist nicht lesbar)
problem-passage-empty = passage: das Zitat ist leer
problem-passage-quote = passage: das Zitat kommt in { $file } nicht vor („{ $quote }“)
problem-library-colour = Prozess „{ $id }“: Farbe „{ $colour }“ ist nicht #rrggbb; übersprungen
problem-in-event = { $id }:
problem-unknown-place = unbekannter Ort „{ $id }“; ausgelassen
problem-unknown-participant = Beteiligter „{ $id }“ ist weder ein Staat noch ein Akteur; ausgelassen
problem-unknown-article = unbekannter Artikel „{ $id }“; ausgelassen
problem-quote-not-in = das Zitat steht nicht in „{ $id }“; ausgelassen
problem-unknown-process = unbekannter Prozess „{ $id }“; ausgelassen
problem-place-id-taken = Ort „{ $id }“: die ID ist vergeben; der Ort wird übersprungen
problem-link-unknown-place = „{ $text }“: unbekannter Ort „{ $id }“; die Verknüpfung wird übersprungen
problem-link-not-in-text = „{ $text }“ steht nicht im Text des Artikels; die Verknüpfung wird übersprungen
problem-event-id-taken = Ereignis „{ $id }“: die ID ist vergeben; das Ereignis wird übersprungen
problem-article-text-missing = der Text des Artikels fehlt
problem-cannot-create = kann nicht angelegt werden: { $error }

## Meere auf der Karte
sea-black-sea = Schwarzes Meer
sea-caspian-sea =
    Kaspisches
    Meer
sea-mediterranean = Mittelmeer
sea-arabian-sea = Arabisches Meer
sea-persian-gulf = Persischer Golf
sea-red-sea = Rotes Meer
sea-baltic-sea = Ostsee
sea-sea-of-azov = Asowsches Meer
sea-north-atlantic = Nordatlantik

## Linien auf der Karte (für Bildschirmleser)
line-event = Linie { $from } → { $to }: { $title } ({ $date })
line-bundle = Linie { $from } – { $to }: { $n ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignisse
}

## Abbildungen und Handouts
fig-processes = Prozesse
fig-other-places = andere Orte
fig-marker-note = Kreis: Ort von Ereignissen (Größe: Anzahl)
fig-conflict-marker-note = Kreis: Konfliktregion (Größe: Anzahl der Gespräche)
fig-group-note = Zahl im Kreis: mehrere Orte
fig-selected = ausgewählter Ort
fig-all-dates = alle Zeiträume
fig-credit-map = Karte: Natural Earth (gemeinfrei)
fig-credit-places = Orte: GeoNames (www.geonames.org), CC BY 4.0
fig-credit-app = Mediation Atlas
fig-km = km
fig-export-title = Karte als Abbildung exportieren
fig-export-prompt = Datei (nur die Karte, mit Titel, Zeitraum, Legende, Maßstab und Nachweisen):
export-data = Daten:
export-data-geojson = GeoJSON
export-data-csv = CSV (Tabelle)
export-data-kml = KML (Google Earth)
export-data-timeline = TimelineJS
export-data-lpf = Orte (Linked Places)
export-data-what = Was zu sehen ist: die Ereignisse, die die Filter zeigen, und die sichtbaren Ebenen mit ihren Filtern.
fig-format = Format:
fig-format-png = PNG (Bild)
fig-format-svg = SVG (Vektor, für den Druck)
fig-size-map = wie die Karte
fig-tour-pdf = Tour als PDF-Handout …
fig-tour-pdf-hint = Eine A4-Seite je Schritt: die Karte, die Bildunterschrift und das Zitat mit Quelle.
fig-tour-pdf-title = Tour als PDF-Handout speichern
fig-tour-pdf-prompt = Datei (PDF, eine Seite je Schritt):
fig-writing = Wird geschrieben …
page-of = Seite { $page } von { $pages }
step-of = Schritt { $step } von { $steps }
quoted = „{ $text }“

## Imported layers (datasets beside the curated events)
layers-title = Ebenen
layers-loading = Ebenen werden geladen …
# $count is $n with the language's digit grouping ("1.000.000").
layer-records = { $n ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
layer-records-kept = { $kept } von { $count }
layer-filter-button = Filter
layer-filters = Filter der Ebene „{ $layer }“
layer-search = Suchen
layer-search-tip = In der Ebene „{ $layer }“ suchen
layer-search-hint = Ort, Akteur, Text …
layer-filters-clear = Filter aufheben
layer-cluster = { $records } in „{ $layer }“ – klicken zum Vergrößern
layer-toggle = Ebene „{ $layer }“ zeigen oder ausblenden
marker-country-only = Nur das Land ist bekannt: der Punkt steht für das ganze Land, nicht für eine Stadt.

## Importing a dataset as a layer (the dialog, its progress and its report)
dataset-menu = Datensatz importieren …
dataset-title = Datensatz als Ebene importieren
dataset-pick = Datensatz auswählen
dataset-file = Datei
dataset-recognised = Erkannt als
dataset-kind-ged = UCDP GED (georeferenzierte Ereignisse)
dataset-kind-acled = ACLED-Ereignisse
dataset-kind-pax = PA-X-Friedensabkommen
dataset-kind-atlas = ein Export des Mediation Atlas
dataset-kind-geojson = GeoJSON-Features
dataset-kind-kml = KML-Ortsmarken
dataset-kind-csv = eine eigene Tabelle (CSV): unten angeben, welche Spalte was enthält
dataset-preview = Erste Zeilen
dataset-columns = Spalten
dataset-none = (keine)
dataset-latitude = Breitengrad
dataset-longitude = Längengrad
dataset-date = Datum
dataset-start = Datum (Beginn)
dataset-end = Datum (Ende)
dataset-title-column = Titel
dataset-place = Ortsname
dataset-actors = Akteure
dataset-category = Kategorie
dataset-note = Notiz
dataset-id = Kennung
dataset-slash-order = 1/2/2017 bedeutet
dataset-day-first = 1. Februar (Tag zuerst)
dataset-month-first = 2. Januar (Monat zuerst)
dataset-name = Name der Ebene
dataset-color = Farbe
dataset-import = Importieren
dataset-no-location = Eine Spalte für Breiten- und Längengrad oder eine Ortsnamen-Spalte wählen: ohne sie lassen sich die Einträge nicht auf die Karte setzen.
dataset-read-only = Diese Bibliothek ist in einem anderen Fenster geöffnet: hier kann nichts hinzugefügt werden.
dataset-no-library = Es gibt keinen Ordner für die Bibliothek, daher kann nichts gespeichert werden.
dataset-no-preview = Die Datei lässt sich nicht anzeigen: { $reason }
dataset-reading = Wird gelesen … { $percent } %
dataset-cancelled = Der Import wurde abgebrochen; nichts wurde hinzugefügt.
dataset-failed = { $file } konnte nicht importiert werden: { $reason }
# $count is $records with digit grouping.
dataset-imported = Ebene „{ $layer }“: { $records ->
    [one] { $count } Eintrag importiert
   *[other] { $count } Einträge importiert
}, { $skipped ->
    [one] { $skipped } Zeile übersprungen
   *[other] { $skipped } Zeilen übersprungen
}.
dataset-more-problems = … und { $n } weitere Probleme
dataset-error-io = die Datei lässt sich nicht lesen ({ $detail })
dataset-error-format = sie ist kein gültiges { $format } ({ $detail })
dataset-error-no-header = die Datei hat keine Kopfzeile
dataset-error-not-collection = sie ist keine GeoJSON-FeatureCollection
dataset-error-not-kml = sie ist kein KML-Dokument
dataset-error-too-large = sie enthält mehr Text, als eine Ebene fassen kann
dataset-error-save = die Ebene konnte nicht gespeichert werden ({ $detail })
problem-field-count = die Zeile hat eine andere Zahl von Feldern als die Kopfzeile; übersprungen
problem-coordinate = Breiten- oder Längengrad ist kein Ort; übersprungen
problem-date = das Datum lässt sich nicht lesen; übersprungen
problem-precision = ein Genauigkeitscode außerhalb der Skala des Datensatzes; als unbekannt behalten
problem-place-not-found = das Ortsverzeichnis kennt „{ $place }“ nicht; ohne Ort behalten
problem-malformed = nicht, was das Format für ein Feature verlangt; übersprungen
web-library-not-kept = Dieser Browser lässt die Seite nichts speichern (privates Fenster?): Artikel, Ereignisse und Touren, die Sie hier hinzufügen, sind nach dem Schließen der Seite verloren. Sichern Sie sie vorher als Lektion (.atlas).
export-downloaded = Heruntergeladen: { $name }
problem-library-held = Die Bibliothek ist in einem anderen Fenster oder Tab geöffnet: hier wird sie nur gelesen, Änderungen werden nicht gespeichert.
problem-not-kept = Eine Änderung konnte nicht dauerhaft gespeichert werden ({ $error }). Sichern Sie Ihr Material als Lektion (.atlas).
