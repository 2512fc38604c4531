# Mediation Atlas — English interface

## mod.rs
app-title = Mediation Atlas
language-name = English
language = Language
problems-banner = Problems loading the data – everything else was loaded
show-problems = Show
hide-problems = Hide
no-selection-title = Kazakhstan as a mediator
no-selection-hint = Click a place on the map to see its events and the articles about it.
events = Events
articles = Articles
no-events = No events at this place.
no-articles = No article mentions this place.
other-places = Other places
local-name = Local name
back-to-place = ← Back
close = Close
date-unknown = Date unknown
source-unknown = Source unknown
export-button = Export
export-size = Size:
export-save = Save
export-tour = Save every step as numbered PNG files (a folder under Pictures)
quiz-fullscreen = Full screen for the class (F5)
fullscreen = Full screen
export-saved = Saved:
open-folder = Open the folder
quiz = Quiz
quiz-start = ? Quiz
quiz-end = Leave the quiz
quiz-done = Done!
quiz-again = Again
quiz-click-map = Click the map where it was.
quiz-order-hint = Click the events from the earliest to the latest.
quiz-right-answer = Right!
quiz-wrong-answer = Not quite.
quiz-answer = The answer
presenter-notes = Notes
next-step = Next
last-step = (last step)
present-keys = Next: → ↓ Space PgDn click · Back: ← ↑ PgUp · Home/End · number + Enter: step · N: notes · Esc: leave
present = ▶ Present
tours = Tours
presenter-window = Mediation Atlas – notes
timeline-all = All events
play = ▶ Play
pause = ❚❚ Pause
speed = Speed
speed-slow = ½ year/s
speed-normal = 1 year/s
speed-fast = 3 years/s
clear-range = ✖ Clear range
undated = undated
timeline-hint = Drag: choose a range · wheel: zoom · drag the axis: pan · double-click: show all
filters = Filters
clear-filters = ✖ Clear filters
processes = Peace processes
kinds = Kind of event
actors = Participants
mode-venues = Where talks happen
mode-conflicts = Where conflicts are
roles = Roles
no-process = no process
lines-legend = Lines
conflict-line = Talks → conflict
search-hint = Search (Ctrl+F) …
no-results = Nothing found.
step-prev = ◀ Previous
step-next = Next ▶
venue = Where
sources = Sources
no-events-in-filter = No events in this range or filter.
author = Author
reset-view = Overview
zoom-in = Zoom in
zoom-out = Zoom out
basemap = Base map
basemap-offline = Embedded (offline)
basemap-osm = OpenStreetMap (online)
basemap-topo = OpenTopoMap (online)
basemap-file = Open PMTiles file …
more = More commands
basemap-hint = The embedded map needs no network. Online maps are cached on disk; without a network the embedded map stays visible underneath.
pmtiles-title = Own map (PMTiles)
pmtiles-prompt = Path to a .pmtiles file with raster tiles – or simply drop the file onto the window:
open = Open
cancel = Cancel
event = Event
process = Process
participants = Participants
mentions-in-article = Places mentioned
backs-event = Source for
help-text =
    Drag: pan · Mouse wheel: zoom · Click a marker: open the place · Click a highlighted place in the text: fly there · Home: overview · +/−: zoom · Esc: clear selection · Ctrl+Z / Ctrl+Shift+Z: undo / redo your changes

    Gazetteer: contains data from GeoNames (www.geonames.org), licensed under CC BY 4.0. Map: Natural Earth (public domain).
coordinates-source = Coordinates

## tours.rs
tour-add-step = + Add as step
tour-add-step-hint = Records the view, the time range, the selection and the selected passage as a step of your tour.
tour-editor = Edit the tour
tour-title-de = Title (German)
tour-title-en = Title (English)
tour-step = Step
tour-caption-de = Caption (German)
tour-caption-en = Caption (English)
tour-notes-de = Presenter notes (German)
tour-notes-en = Presenter notes (English)
tour-notes = Presenter notes
tour-up = Up
tour-down = Down
tour-delete-step = Remove the step
tour-present-from = ▶ Present from here
tour-save = Save
tour-close = Close
tour-delete-tour = Delete the tour
tour-saved = Tour saved.
tour-edit = Edit …
tour-unsaved = Saved as soon as you leave the field.
tour-all-saved = Every change is saved (Ctrl+Z undoes it).
tour-drag-hint = Drag to put the step somewhere else.
tour-preview = Preview
tour-preview-hint = Shows the step on the map without starting the presentation.
tour-no-passage = No passage.
tour-pick-passage = Choose a passage …
tour-clear-passage = Remove the passage
tour-pick-passage-hint = Open an article, select the passage with the mouse and take it.
tour-take-passage = Take it
tour-other-article = Another article
tour-new-tour = + New tour
tour-new-tour-hint = The next step you record begins a new tour.
tour-new-tour-notice = New tour: choose a view and record it with “+ Add as step”.

## events.rs
event-record-title = Record an event
event-record-button = Record event …
event-save = Save
event-title-de = Title (German)
event-title-en = Title (English)
event-date = Date
event-date-end = to (optional)
event-circa = c. (approximate)
event-date-backwards = The end is before the start
event-kind = Kind
event-process = Peace process
event-no-process = (none)
event-new-process = New process …
event-process-name = Name
event-places = Places
event-venue = venue
event-make-venue = Make it the venue
event-participants = Participants
event-quote = Source (verbatim from the article)
event-edit = Edit …
event-delete = Delete
event-copy = Copy to my library
event-own-event = your event
event-copy-of = Copy of a shipped event
event-saved = Event saved.
event-deleted = Event deleted.

## library.rs
lib-add-button = + Article
lib-add-title = Add an article
lib-open-file = Open file …
lib-paste = Paste text
lib-drop-hint = … or drop files (text, Markdown, HTML, PDF) on the window.
lib-path-prompt = Or type the path of a file:
lib-paste-hint = Paste the article's text here (Ctrl+V):
lib-next = Next
lib-title = Title
lib-source = Source
lib-author = Author
lib-date = Date
lib-date-hint = YYYY-MM-DD, YYYY-MM, YYYY or “unknown”
lib-date-invalid = Not a valid date
lib-language = Language
lib-german = German
lib-english = English
lib-add = Add
lib-skip = Skip
lib-loading-gazetteer = Loading the gazetteer …
lib-nothing-added = nothing added
lib-your-articles = Your articles
lib-no-own-articles = No articles of your own yet: bring this week's article.
lib-remove = Remove
lib-remove-article = Remove the article …
lib-remove-title = Remove the article?
lib-remove-hint = The article, its place names and your review leave the library. Ctrl+Z brings it back.
lib-undo = ↶ Undo
lib-redo = ↷ Redo
lib-nothing-to-undo = Nothing to undo
lib-status-sure = sure
lib-status-review = uncertain
lib-status-rejected = rejected
lib-review-title = Review a place name
lib-review-hint = Click a place name to review it; select text with the mouse to link a place the linker missed.
lib-accept = ✔ Correct
lib-reject = ✖ Not a place
lib-choose = Choose
lib-candidates = Places of this name
lib-search = Search the gazetteer:
lib-on-map = Put it on the map
lib-link-passage = Link to a place …
lib-linked-to = Linked to
lib-not-linked = Not linked
lib-inhabitants = inhabitants
lib-gazetteer-credit = Gazetteer: GeoNames (geonames.org), CC BY 4.0
lib-preview = Start of the text
lib-clear-selection = Clear the selection
lib-lesson-export = Share as a lesson …
lib-lesson-export-title = Share as a lesson
lib-lesson-prompt = Save the whole library as one file (.atlas) to:
lib-lesson-prompt-tour = Save this tour with its articles, events, places and processes as one file (.atlas) to:
lib-browse = Browse …
lib-lesson-hint = To open an .atlas file, drop it on the window or type its path under “+ Article”.

## network.rs
net-offline = Offline – tiles unreachable, showing the embedded map
net-offline-hint = Click to load the tiles again.
net-custom-menu = Own tile server …
net-custom-title = Own tile server
net-custom-url = Address of the tiles, with {"{"}z{"}"}, {"{"}x{"}"} and {"{"}y{"}"} (https:// or http://):
net-custom-credit = Credit shown on the map:
net-custom-credit-hint = © … (empty: the server's name)
net-custom-explain = Such as your school's tile server. Tiles are cached on disk; without a network the embedded map stays visible.
net-custom-use = Use

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan.
month-short-2 = Feb.
month-short-3 = Mar.
month-short-4 = Apr.
month-short-5 = May
month-short-6 = June
month-short-7 = July
month-short-8 = Aug.
month-short-9 = Sept.
month-short-10 = Oct.
month-short-11 = Nov.
month-short-12 = Dec.
month-of-1 = January
month-of-2 = February
month-of-3 = March
month-of-4 = April
month-of-5 = May
month-of-6 = June
month-of-7 = July
month-of-8 = August
month-of-9 = September
month-of-10 = October
month-of-11 = November
month-of-12 = December
date-day = { $day } { $month } { $year }
date-day-short = { $day } { $month } { $year }
date-month = { $month } { $year }
date-day-span = { $from }–{ $to } { $month } { $year }
date-span = { $from } – { $to }
date-circa = c. { $date }

## Counts
count-events = { $n ->
    [one] { $n } event
   *[other] { $n } events
}
shown-of-events = { $shown } of { $total ->
    [one] { $total } event
   *[other] { $total } events
}
count-points = { $n ->
    [one] { $n } point
   *[other] { $n } points
}
count-articles = { $n ->
    [one] { $n } article
   *[other] { $n } articles
}
count-places = { $n ->
    [one] { $n } place
   *[other] { $n } places
}
count-problems = { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
lines-only = No event took place in { $place } itself. The lines lead to events elsewhere in which { $state } took part ({ $place } stands for the state on the map):

## Kinds of events, roles, kinds of places
kind-talks = Talks
kind-summit = Summit
kind-state-visit = State visit
kind-phone-call = Phone call
kind-agreement = Agreement
kind-declaration = Declaration
kind-war = War
kind-statement = Statement
kind-proposal = Proposal
kind-mission = Mission
role-host = Host
role-mediator = Mediator
role-party = Party
role-guarantor = Guarantor
role-observer = Observer
role-participant = Participant
place-kind-capital = Capital
place-kind-city = City
place-kind-region = Region
place-kind-site = Site
place-kind-country = Country

## Adding articles
import-empty = The file is empty.
import-binary = The file is binary data, not text.
import-too-large = The file is too large ({ $size } MB; at most { $limit } MB).
import-no-text-layer = The PDF has no text layer: scanned PDFs need OCR first.
import-no-article-text = The HTML page has no article text.
import-unreadable = The file cannot be read ({ $reason }).
import-io = The file cannot be opened ({ $error }).
note-legacy-encoding = Encoding { $encoding } detected and converted.
note-replaced = { $n ->
    [one] { $n } unreadable character was replaced.
   *[other] { $n } unreadable characters were replaced.
}
note-pages-without-text = Pages without text: { $pages }.
note-pages-unreadable = Unreadable pages: { $pages }.
note-title-from-first-line = Title from the first line.
note-date-from-dateline = Date from the dateline.
article-added = “{ $title }” added: { $n ->
    [one] { $n } place name
   *[other] { $n } place names
} linked, { $review } of them to review.
article-duplicate = “{ $title }” is already in your library: nothing added.
draft-of = File { $i } of { $n }
place-on-map = Click the map where “{ $name }” is (Esc: cancel).
undone = Undone.
redone = Redone.
not-saved = Not saved: { $error }. Your library is unchanged.

## Lessons
count-tours = { $n ->
    [one] { $n } tour
   *[other] { $n } tours
}
count-processes = { $n ->
    [one] { $n } process
   *[other] { $n } processes
}
nothing-new = nothing new
lesson-imported = Lesson “{ $title }” added: { $what }; { $merged } already there.
lesson-kept-both = Kept both: { $names }.
lesson-saved = Lesson saved: { $path } ({ $what })
history-reset = { $why }. Edits of earlier sessions can no longer be undone; the old log was set aside.
lesson-not-written = { $path }: { $error }. The lesson was not saved.
lesson-refused = { $path }: { $error }. Nothing was added.

## Online base maps
tiles-unreachable = Base map: tiles from { $host } could not be loaded; showing the embedded map.
template-scheme = The address starts with https:// or http://.
template-no-host = The server's name is missing after //.
template-space = An address has no spaces.
template-missing = { $missing } missing: the map puts the tile's numbers there.

## Tours
pick-passage-for = Choose the passage of step { $step }
step-added = Step { $n } added.

## Dates read from a passage
date-from-words = from “{ $words }”
date-from-words-and-article = from “{ $words }” and the article's date { $article }

## Quiz questions
and = and
quiz-where-rounds = Where were the talks on { $about } held from { $year } on?
quiz-where-event = Where did “{ $title }” ({ $date }) take place?
quiz-which-process = Which process does “{ $title }” belong to?
quiz-which-process-dated = Which process does “{ $title }” ({ $date }) belong to?
quiz-order = Put these events in order, earliest first.

## Quiz and tours in the panel
quiz-progress = Quiz · { $i } of { $n }
quiz-score = { $right } of { $answered } right
quiz-answer-distance = The answer: { $place } · off by { $km } km
tour-with-steps = { $title } · { $n ->
    [one] { $n } step
   *[other] { $n } steps
}

## Problems with the data (file:line: error: …)
problem-error = error
problem-warning = warning
problem-linker = the place names cannot be searched for: { $error }
problem-duplicate-id = duplicate id “{ $id }” (first used on line { $first }); this one is skipped
problem-empty-id = empty id; the record is skipped
problem-latitude = { $id }: latitude { $value } is outside −90…90; the place is skipped
problem-longitude = { $id }: longitude { $value } is outside −180…180; the place is skipped
problem-country-code = { $id }: country “{ $country }” is not an ISO 3166 alpha-2 code like KZ
problem-no-source = { $id }: the coordinate has no source
problem-capital = { $id }: capital “{ $capital }” is not a place in this file
problem-not-a-place = { $what } “{ $id }” is not a place in places.toml
problem-did-you-mean = (did you mean “{ $id }”?)
problem-dropped-with = ({ $n ->
    [one] { $n } reference
   *[other] { $n } references
} to it dropped with it: { $files })
problem-colour = { $id }: colour “{ $colour }” is not of the form #rrggbb; grey is used
problem-article-unreadable = { $error } (article “{ $id }”, listed in { $file } line { $line }); the article is skipped
problem-date-differs = { $id }: date { $date } differs from the date { $stated } the article itself gives
problem-date-early = { $id }: date { $date } is before 1900
problem-date-future = { $id }: date { $date } is in the future
problem-process = { $id }: process “{ $process }” is not in processes.toml
problem-participant-place = { $id }: participant “{ $who }” is a place but not a country
problem-participant-unknown = { $id }: participant “{ $who }” is neither a country in places.toml nor an actor in actors.toml
problem-person = { $id }: person “{ $person }” is not in actors.toml
problem-no-place = { $id }: no place given, so the event is on no marker
problem-source-article = { $id }: article “{ $article }” is not in articles.toml (or could not be read)
problem-quote = { $id }: the quote does not occur in { $file } (“{ $quote }”)
problem-unused-place = place “{ $id }” is used by no event and mentioned in no article
problem-toml-syntax = TOML syntax: { $error }; this table is skipped
problem-unknown-table = unknown table “{ $name }”: this file holds only [[{ $key }]] tables
problem-not-array = “{ $key }” must be an array of tables, written [[{ $key }]]
problem-record-skipped = skipped a [[{ $key }]]: { $error }
problem-tour-skipped = ; the tour is skipped
problem-duplicate-tour = duplicate tour id “{ $id }” (first used in { $file } line { $line }); this tour is skipped
problem-tour-no-steps = the tour has no [[step]]; it is skipped
problem-tour-no-step-loads = none of the tour's steps loads (see above); it is skipped
problem-not-a-tour = not a tour: { $error } (a tour starts with id, title_de and title_en); the file is skipped
problem-tour-key-empty = the tour's { $key } is empty; the tour is skipped
problem-step-skipped = ; the step is skipped
problem-step-no-caption = the step has no { $key }: every step needs a caption in German and English
problem-key-empty = { $key } is empty
problem-caption-long = { $key } has { $chars } characters; more than { $max } cannot be read from the back of a room, so move the rest into the notes
problem-step-no-view = the step has no view: give one of place, fit_events or view
problem-step-two-views = { $second } is a second view besides { $first }: give only one of place, fit_events or view
problem-fit-events-empty = fit_events names no event
problem-view-form = view must be [lat, lon, zoom], e.g. [40.0, 45.5, 7.0]
problem-view-range = view: { $what } { $value } is outside { $min }…{ $max }
problem-range-form = range must be two dates, e.g. ["2013-02", "2013-04"]
problem-range-order = range: { $first } is after { $last }; write the earlier date first
problem-range-unknown = range: an unknown date has no place on the timeline; leave out range to show all
problem-range-date = range: { $error }
problem-not-an-event = { $key }: “{ $id }” is not an event in events.toml
problem-event-outside-range = { $key }: “{ $id }” ({ $date }) is outside the step's range, so the timeline hides it
problem-passage-article = passage: article “{ $article }” is not in articles.toml (or could not be read)
problem-passage-empty = passage: the quote is empty
problem-passage-quote = passage: the quote does not occur in { $file } (“{ $quote }”)
problem-library-colour = process “{ $id }”: colour “{ $colour }” is not #rrggbb; skipped
problem-in-event = { $id }:
problem-unknown-place = unknown place “{ $id }”; left out
problem-unknown-participant = participant “{ $id }” is neither a country nor an actor; left out
problem-unknown-article = unknown article “{ $id }”; left out
problem-quote-not-in = the quote is not in “{ $id }”; left out
problem-unknown-process = unknown process “{ $id }”; left out
problem-place-id-taken = place “{ $id }”: the id is taken; the place is skipped
problem-link-unknown-place = “{ $text }”: unknown place “{ $id }”; the link is skipped
problem-link-not-in-text = “{ $text }” is not in the article's text; the link is skipped
problem-event-id-taken = event “{ $id }”: the id is taken; the event is skipped
problem-article-text-missing = the article's text is missing
problem-cannot-create = cannot create: { $error }

## Seas on the map
sea-black-sea = Black Sea
sea-caspian-sea =
    Caspian
    Sea
sea-mediterranean = Mediterranean Sea
sea-arabian-sea = Arabian Sea
sea-persian-gulf = Persian Gulf
sea-red-sea = Red Sea
sea-baltic-sea = Baltic Sea
sea-sea-of-azov = Sea of Azov
sea-north-atlantic = North Atlantic

## Lines on the map (for screen readers)
line-event = Line { $from } → { $to }: { $title } ({ $date })
line-bundle = Line { $from } – { $to }: { $n ->
    [one] { $n } event
   *[other] { $n } events
}

## Figures and handouts
fig-processes = Processes
fig-other-places = other places
fig-marker-note = Circle: where events took place (size: how many)
fig-conflict-marker-note = Circle: a conflict region (size: how many talks)
fig-group-note = Number in a circle: several places
fig-selected = selected place
fig-all-dates = all dates
fig-credit-map = Map: Natural Earth (public domain)
fig-credit-places = Places: GeoNames (www.geonames.org), CC BY 4.0
fig-credit-app = Mediation Atlas
fig-km = km
fig-export-title = Export the map as a figure
fig-export-prompt = File (the map only, with title, dates, legend, scale and credits):
export-data = Data:
export-data-geojson = GeoJSON
export-data-csv = CSV (spreadsheet)
export-data-kml = KML (Google Earth)
export-data-timeline = TimelineJS
export-data-lpf = Places (Linked Places)
export-data-what = What is shown: the events the filters keep, and the visible layers with their filters.
fig-format = Format:
fig-format-png = PNG (image)
fig-format-svg = SVG (vector, for print)
fig-size-map = as the map
fig-tour-pdf = Tour as PDF handout …
fig-tour-pdf-hint = One A4 page per step: the map, the caption and the quote with its source.
fig-tour-pdf-title = Save the tour as a PDF handout
fig-tour-pdf-prompt = File (PDF, one page per step):
fig-writing = Writing …
page-of = Page { $page } of { $pages }
step-of = Step { $step } of { $steps }
quoted = “{ $text }”

## Imported layers (datasets beside the curated events)
layers-title = Layers
layers-loading = Loading layers …
# $count is $n with the language's digit grouping ("1.000.000").
layer-records = { $n ->
    [one] { $count } record
   *[other] { $count } records
}
layer-records-kept = { $kept } of { $count }
layer-filter-button = Filter
layer-filters = Filters of the layer “{ $layer }”
layer-search = Search
layer-search-tip = Search the layer “{ $layer }”
layer-search-hint = place, actor, text …
layer-filters-clear = Clear filters
layer-cluster = { $records } in “{ $layer }” – click to zoom in
layer-toggle = Show or hide the layer “{ $layer }”
marker-country-only = Only the country is known: the point stands for the whole country, not a city.

## Importing a dataset as a layer (the dialog, its progress and its report)
dataset-menu = Import dataset …
dataset-title = Import a dataset as a layer
dataset-pick = Choose a dataset
dataset-file = File
dataset-recognised = Recognised as
dataset-kind-ged = UCDP GED (georeferenced events)
dataset-kind-acled = ACLED events
dataset-kind-pax = PA-X peace agreements
dataset-kind-atlas = an export of Mediation Atlas
dataset-kind-geojson = GeoJSON features
dataset-kind-kml = KML placemarks
dataset-kind-csv = a table of its own (CSV): say below which column holds what
dataset-preview = First rows
dataset-columns = Columns
dataset-none = (none)
dataset-latitude = Latitude
dataset-longitude = Longitude
dataset-date = Date
dataset-start = Date (start)
dataset-end = Date (end)
dataset-title-column = Title
dataset-place = Place name
dataset-actors = Actors
dataset-category = Category
dataset-note = Note
dataset-id = Identifier
dataset-slash-order = 1/2/2017 means
dataset-day-first = 1 February (day first)
dataset-month-first = January 2 (month first)
dataset-name = Layer name
dataset-color = Colour
dataset-import = Import
dataset-no-location = Choose a latitude and a longitude column, or a place-name column: without one the records cannot be put on the map.
dataset-read-only = This library is open in another window: nothing can be added here.
dataset-no-library = There is no folder for the library, so nothing can be stored.
dataset-no-preview = The file cannot be shown: { $reason }
dataset-reading = Reading … { $percent } %
dataset-cancelled = The import was cancelled; nothing was added.
dataset-failed = { $file } could not be imported: { $reason }
# $count is $records with digit grouping.
dataset-imported = Layer “{ $layer }”: { $records ->
    [one] { $count } record imported
   *[other] { $count } records imported
}, { $skipped ->
    [one] { $skipped } row skipped
   *[other] { $skipped } rows skipped
}.
dataset-more-problems = … and { $n } more problems
dataset-error-io = the file cannot be read ({ $detail })
dataset-error-format = it is not valid { $format } ({ $detail })
dataset-error-no-header = the file has no header row
dataset-error-not-collection = it is not a GeoJSON FeatureCollection
dataset-error-not-kml = it is not a KML document
dataset-error-too-large = it holds more text than a layer can keep
dataset-error-save = the layer could not be saved ({ $detail })
problem-field-count = the row has another number of fields than the header; skipped
problem-coordinate = the latitude or longitude is not a location; skipped
problem-date = the date cannot be read; skipped
problem-precision = a precision code outside the dataset's scale; kept as unknown
problem-place-not-found = the gazetteer does not know “{ $place }”; kept without a location
problem-malformed = not what the format says a feature should be; skipped
web-library-not-kept = This browser does not let the page keep anything (a private window?): articles, events and tours you add here are lost when the page closes. Save them as a lesson (.atlas) before you go.
export-downloaded = Downloaded: { $name }
problem-library-held = The library is open in another window or tab: here it is only read, and changes are not saved.
problem-not-kept = A change could not be kept ({ $error }). Save your material as a lesson (.atlas).
